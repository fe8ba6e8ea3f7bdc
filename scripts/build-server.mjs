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

import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

// A dynamic import whose path is not a string literal is left out of the bundle and resolved at run
// time against dist/server/, where no source file is: it fails there (once silently fell back to
// the shipped calendar, ignoring administrators' edits). Our own code must use literal paths.
const literalImportsOnly = {
  name: 'literal-dynamic-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const m = /\bimport\(\s*(?!['"])/.exec(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''));
      if (m) return { errors: [{ text: `dynamic import with a computed path in ${args.path}: use a string literal` }] };
      return undefined;
    });
  },
};

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
  plugins: [literalImportsOnly],
  // some dependencies are CommonJS and call require(); give the ESM bundle one
  banner: {
    js: "import { createRequire as __cchcCreateRequire } from 'node:module'; const require = __cchcCreateRequire(import.meta.url);",
  },
});
if (!process.argv.includes('--quiet')) console.log(`server bundle built in ${Date.now() - t0} ms`);
