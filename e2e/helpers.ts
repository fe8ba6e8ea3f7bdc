import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

export type Journey = Awaited<ReturnType<typeof openJourney>>;

/**
 * A journey's setting: the demo server and a browser, pages each in their own context (desktop, or
 * a phone), and pages signed in as a demo account (password demo1234). `close` ends it all.
 */
export async function openJourney() {
  if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM} (CI is set): apt-get install -y chromium`);
  ensureWebBuilt();
  const server = await startDemoServer();
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const newPage = async (mobile = false): Promise<Page> => {
    const ctx = await browser.newContext({
      viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 860 },
      locale: 'vi-VN',
      ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };
  /** `formTimeout`: how long the first paint of the sign-in form may take */
  const signIn = async (login: string, opts: { formTimeout?: number } = {}): Promise<Page> => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page
      .getByLabel('Email hoặc số điện thoại')
      .fill(login, opts.formTimeout ? { timeout: opts.formTimeout } : {});
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/home');
    return page;
  };
  return {
    url: server.url,
    newPage,
    signIn,
    close: async () => {
      for (const c of contexts) await c.close();
      await browser.close();
      await server.cleanup();
    },
  };
}
