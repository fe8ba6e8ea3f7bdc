#!/usr/bin/env node
// `cchc` command: runs the pre-built server bundle (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server', 'main.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('cchc: the server is not built yet; run `npm run build` (or `npm ci`) first\n');
  process.exit(1);
}
await import(bundle);
