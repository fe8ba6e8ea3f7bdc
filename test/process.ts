import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs `cchc <args>` as a child process with the given environment: from the TypeScript sources
 * (tsx), or from the pre-built bundle that `npm start` runs (`bundle: true`, or the path of another build).
 */
export function runCchc(args: string[], env: NodeJS.ProcessEnv, opts: { bundle?: boolean | string } = {}): Proc {
  const bundle = typeof opts.bundle === 'string' ? opts.bundle : join(root, 'dist/server/main.mjs');
  const entry = opts.bundle ? [...startNodeFlags(), bundle] : ['--import', 'tsx', join(root, 'src/main.ts')];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `GET url` answers 200, or throws after `ms`. */
export async function waitHealthy(url: string, ms = 60_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    try {
      const r = await fetch(url);
      if (r.ok) return Date.now() - start;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not healthy after ${ms} ms`);
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The Node.js flags `npm start` gives the bundle (package.json), so that tests and benchmarks run it the same way. */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/server\/main\.mjs\b/.exec(pkg.scripts.start);
  if (!m) throw new Error('package.json: the start script does not run dist/server/main.mjs');
  return m[1]!.trim().split(/\s+/).filter(Boolean);
}
