// Bundles the server's TypeScript and its pure-JavaScript dependencies into dist/server/main.mjs.
// Starting from one pre-built file is faster and lighter than transpiling every module with tsx, and
// than resolving and reading ~900 files of node_modules (about a sixth of the start's CPU time).
// Left in node_modules: packages with native code or WebAssembly, packages that read their own files
// at run time, and the document libraries that are loaded only when a document is made.
const EXTERNAL = [
  '@electric-sql/pglite', // WebAssembly and data files next to its code
  '@node-rs/argon2', // native addon
  '@fastify/swagger', // reads its package.json
  '@fastify/swagger-ui', // serves its own static files
  '@fastify/static',
  'pino', // starts worker threads from its own files
  'thread-stream',
  'pino-pretty',
  'pdfmake', // lazy: fonts and a large library, loaded on the first PDF
  'exceljs', // lazy: loaded on the first spreadsheet
  'nodemailer', // lazy: loaded when SMTP is configured
  '@aws-sdk/client-s3', // lazy: loaded when files live in S3
  'pg-native', // optional, not installed
];

import { build } from 'esbuild';

const t0 = Date.now();
await build({
  entryPoints: ['src/main.ts'],
  // `--out <file>` (tests build their own copy; it must stay inside the project to find node_modules)
  outfile: process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL.flatMap((p) => [p, `${p}/*`]),
  sourcemap: true,
  logLevel: 'warning',
  // some dependencies are CommonJS and call require(); give the ESM bundle one
  banner: {
    js: "import { createRequire as __cchcCreateRequire } from 'node:module'; const require = __cchcCreateRequire(import.meta.url);",
  },
});
if (!process.argv.includes('--quiet')) console.log(`server bundle built in ${Date.now() - t0} ms`);
