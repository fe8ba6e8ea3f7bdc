#!/usr/bin/env node
// Builds the React SPA (web/) with Vite into web/dist, which the Fastify app serves.
//   node scripts/build-web.mjs               build (npm run build, npm prepare)
//   node scripts/build-web.mjs --if-missing  build only when web/dist/index.html is absent (npm start)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const indexHtml = join(root, 'web', 'dist', 'index.html');
const ifMissing = process.argv.includes('--if-missing');
const log = (msg) => process.stdout.write(`build-web: ${msg}\n`);

if (ifMissing && existsSync(indexHtml)) {
  log('web/dist is present; skipping the build');
  process.exit(0);
}

let vite;
try {
  vite = await import('vite');
} catch {
  // `npm ci --omit=dev` runs "prepare" without the build tools: the API still works, only the SPA is missing.
  const msg = 'vite is not installed (dev dependencies omitted?); the web app was not built';
  if (ifMissing) {
    log(`warning: ${msg}. Run "npm install && npm run build" to get the web app.`);
    process.exit(0);
  }
  process.stderr.write(`build-web: ${msg}\n`);
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}

const started = Date.now();
try {
  await vite.build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: process.env.CI ? 'warn' : 'info',
    clearScreen: false,
  });
} catch (err) {
  process.stderr.write(`build-web: the build failed: ${err?.message ?? err}\n`);
  process.exit(1);
}
log(`built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
