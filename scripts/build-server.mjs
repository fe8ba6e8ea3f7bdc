// Bundles the server's own TypeScript into dist/server/main.mjs (dependencies stay in node_modules).
// Starting from one pre-built file is faster and lighter than transpiling every module with tsx.
import { build } from 'esbuild';

const t0 = Date.now();
await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // some dependencies are CommonJS and call require(); give the ESM bundle one
  banner: {
    js: "import { createRequire as __cchcCreateRequire } from 'node:module'; const require = __cchcCreateRequire(import.meta.url);",
  },
});
if (!process.argv.includes('--quiet')) console.log(`server bundle built in ${Date.now() - t0} ms`);
