import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type Proc, runCchc, waitHealthy } from './process.ts';

const root = join(import.meta.dirname, '..');

/**
 * `npm start` runs one esbuild bundle of the server and most of its dependencies, not the
 * TypeScript sources the other tests run. This builds that bundle from the current sources and
 * checks, on a fresh embedded database with the demo data, the parts a bundle can break: the
 * packages left outside it (PGlite's WebAssembly, argon2's native code, pdfmake, exceljs, the
 * OpenAPI UI), lazy schema compilation, the web app and problem+json errors.
 */
describe('the server bundle that npm start runs', { timeout: 300_000 }, () => {
  const out = join(root, 'dist', 'test-bundle', `main-${process.pid}.mjs`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-bundle-'));
  let proc: Proc;
  let base = '';
  let cookie = '';

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs'), '--quiet', '--out', out], { cwd: root });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = runCchc(
      ['serve'],
      { CCHC_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      { bundle: out },
    );
    await waitHealthy(`${base}/health`, 240_000);
  }, 300_000);

  afterAll(async () => {
    proc?.child.kill('SIGTERM');
    await proc?.exited;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(root, 'dist', 'test-bundle'), { recursive: true, force: true });
  });

  it('signs the demo administrator in (argon2) and lists units', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin@cchc.local', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const units = (await (await fetch(`${base}/api/v1/units?q=HN-BTL-P-TC`, { headers: { cookie } })).json()) as {
      code: string;
      name: string;
    }[];
    expect(units.find((u) => u.code === 'HN-BTL-P-TC')?.name).toBe('UBND phường Thượng Cát');
  });

  it('answers bad input with a Vietnamese problem+json (validators compiled on first use)', async () => {
    const r = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 5 }),
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('makes the PDF report (pdfmake) and an xlsx export (exceljs)', async () => {
    const pdf = await fetch(`${base}/api/v1/reform-index/results/report.pdf?year=2023`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const xlsx = await fetch(`${base}/api/v1/units/export?format=xlsx`, { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('serves the web app, the OpenAPI document and its UI, and metrics', async () => {
    const doc = (await (await fetch(`${base}/docs/json`)).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect((await fetch(`${base}/docs/`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    // (web/dist is built by `npm ci`'s prepare script)
    const web = await fetch(`${base}/units`);
    expect(web.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await web.text()).toMatch(/<div id="root">/);
  });

  it('keeps credentials given in query strings out of the access log', async () => {
    await fetch(`${base}/api/v1/feedback/track/PA-2024-000001?key=khoa-bi-mat-123`);
    await fetch(`${base}/open311/v2/requests.json?api_key=cchc-open311-demo-key&status=open`);
    await new Promise((r) => setTimeout(r, 300)); // let the log lines reach stdout
    const log = proc.stdout();
    expect(log).toContain('/api/v1/feedback/track/PA-2024-000001?key=[redacted]');
    expect(log).toContain('/open311/v2/requests.json?api_key=[redacted]&status=open');
    expect(log).not.toContain('khoa-bi-mat-123');
    expect(log).not.toContain('cchc-open311-demo-key');
  });
});
