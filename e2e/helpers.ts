import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { isEmpty, seedDemo } from '../src/db/seed/demo.ts';
import { type Running, startServer } from '../src/server.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Screenshots go to docs/screenshots when CCHC_SCREENSHOTS=docs, else to test-results/ (ignored by git). */
export const SHOTS_DIR =
  process.env.CCHC_SCREENSHOTS === 'docs'
    ? join(ROOT, 'docs', 'screenshots')
    : join(ROOT, 'test-results', 'screenshots');

/** The SPA must exist before the server starts: @fastify/static lists web/dist when the app is built. */
export function ensureWebBuilt() {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--if-missing'], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (r.status !== 0) throw new Error('building the web app failed');
}

/** The real server (HTTP on a free port) on a fresh PGlite database with the demo data. */
export async function startDemoServer(): Promise<{ running: Running; url: string; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CCHC_DATA_DIR: dataDir,
    CCHC_JOBS: 'false',
    LOG_LEVEL: 'warn',
  });
  const running = await startServer(config, {
    seed: async (deps) => {
      if (await isEmpty(deps.database.db)) await seedDemo(deps);
    },
  });
  return {
    running,
    url: running.url.replace('0.0.0.0', '127.0.0.1'),
    cleanup: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
