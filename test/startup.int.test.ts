import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCchc, waitHealthy } from './process.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cchc-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('configuration errors stop start-up with one clear line', { timeout: 240_000 }, () => {
  it('bad DATABASE_URL', async () => {
    const p = runCchc(['serve'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', CCHC_DATA_DIR: tmp() });
    expect(await p.exited).toBe(1);
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
    expect(p.stderr()).toMatch(/^cchc: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/);
    expect(p.stderr()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('DATABASE_URL that is not a postgres URL', async () => {
    const p = runCchc(['serve'], { DATABASE_URL: 'mysql://x', CCHC_DATA_DIR: tmp() });
    expect(await p.exited).toBe(1);
    expect(p.stderr().trim()).toMatch(/^cchc: DATABASE_URL: /);
  });

  it('unwritable data directory', async () => {
    // a path below a regular file can never be created, even by root
    const p = runCchc(['serve'], { CCHC_DATA_DIR: '/etc/hostname/cchc' });
    expect(await p.exited).toBe(1);
    expect(p.stderr().trim()).toBe(
      'cchc: data directory /etc/hostname/cchc is not writable (set CCHC_DATA_DIR or fix its permissions)',
    );
  });

  it('port already taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const p = runCchc(['serve'], {
        PORT: String(port),
        CCHC_DATA_DIR: tmp(),
        CCHC_SEED_DEMO: 'false',
        CCHC_JOBS: 'false',
      });
      expect(await p.exited).toBe(1);
      expect(p.stderr().trim()).toBe(`cchc: port ${port} is already in use (set PORT to another port)`);
    } finally {
      blocker.close();
    }
  });

  it('embedded database folder in use by another process', async () => {
    const dir = tmp();
    const port = await freePort();
    const env = { CCHC_DATA_DIR: dir, CCHC_SEED_DEMO: 'false', CCHC_JOBS: 'false' };
    const first = runCchc(['serve'], { ...env, PORT: String(port) });
    try {
      await waitHealthy(`http://127.0.0.1:${port}/health`, 120_000);
      // a second server, or a command, on the same folder would write over the first's files
      const second = runCchc(['serve'], { ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.stderr().trim()).toBe(
        `cchc: the embedded database in ${dir} is in use by process ${first.child.pid} (a running cchc server?): stop it first, or point both at PostgreSQL with DATABASE_URL`,
      );
      // the first still answers
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    // stopped cleanly, it leaves the folder free
    const again = runCchc(['migrate'], env);
    expect(await again.exited).toBe(0);
  });

  it("the calendar CLI beside a running server answers with the server's edited schedules", async () => {
    const dir = tmp();
    const port = await freePort();
    const env = { CCHC_DATA_DIR: dir, CCHC_JOBS: 'false', PORT: String(port) };
    const base = `http://127.0.0.1:${port}`;
    const server = runCchc(['serve'], env); // with the demo data: its administrator edits 2029
    try {
      await waitHealthy(`${base}/health`, 240_000);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin@cchc.local', password: 'demo1234' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const year = (await (await fetch(`${base}/api/v1/calendar/schedules/2029`, { headers: { cookie } })).json()) as {
        daysOff: { date: string; kind: string; name: string }[];
        workingSaturdays: unknown[];
        sources: string[];
      };
      // Thursday 15/3/2029 becomes a day off
      const put = await fetch(`${base}/api/v1/calendar/schedules/2029`, {
        method: 'PUT',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({
          daysOff: [...year.daysOff, { date: '2029-03-15', kind: 'holiday', name: 'Ngày nghỉ thử nghiệm' }],
          workingSaturdays: year.workingSaturdays,
          sources: ['Quyết định thử nghiệm 2029'],
        }),
      });
      expect(put.status).toBe(200);
      const args = ['calendar', 'due', '--received-at', '2029-03-14T09:00:00+07:00', '--working-days', '1'];
      const api = await (
        await fetch(`${base}/api/v1/calendar/due-date?receivedAt=2029-03-14T09:00:00%2B07:00&workingDays=1`)
      ).json();
      expect(api).toEqual({ effectiveReceiptDate: '2029-03-14', dueDate: '2029-03-16', provisional: false });
      const cli = runCchc(args, env);
      expect(await cli.exited, cli.stderr()).toBe(0);
      expect(JSON.parse(cli.stdout())).toEqual(api);
      // offline: the shipped and provisional schedules only
      const offline = runCchc([...args, '--offline'], env);
      expect(await offline.exited).toBe(0);
      expect(JSON.parse(offline.stdout())).toEqual({
        effectiveReceiptDate: '2029-03-14',
        dueDate: '2029-03-15',
        provisional: true,
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

async function killAndRestart(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const e = { ...env, PORT: String(port), CCHC_SEED_DEMO: 'false', CCHC_JOBS: 'false' };
  const first = runCchc(['serve'], e);
  await waitHealthy(`${base}/health`, 240_000);
  // A burst of registrations; remember which ones were acknowledged, kill the server mid-burst.
  const acknowledged: string[] = [];
  // (registration is rate-limited to 10 a minute per address, so the burst has 10)
  const burst = Array.from({ length: 10 }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 15));
    const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
    try {
      const r = await fetch(`${base}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fullName: `Công dân ${i}`, phone, password: 'matkhau123' }),
      });
      if (r.status === 201) acknowledged.push(phone);
      // kill while the rest are still in flight
      if (acknowledged.length === 3) first.child.kill('SIGKILL');
    } catch {}
  });
  await Promise.all(burst);
  await first.exited;
  expect(acknowledged.length).toBeGreaterThan(0);
  const second = runCchc(['serve'], e);
  await waitHealthy(`${base}/health`, 240_000);
  try {
    for (const phone of acknowledged) {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: phone, password: 'matkhau123' }),
      });
      expect(r.status, phone).toBe(200);
    }
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  return acknowledged.length;
}

describe('a killed server restarts cleanly with everything it acknowledged', () => {
  it('on the embedded database', async () => {
    const n = await killAndRestart({ CCHC_DATA_DIR: tmp() });
    expect(n).toBeGreaterThan(0);
  }, 600_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL',
    async () => {
      const base = new URL(process.env.TEST_DATABASE_URL!);
      const name = `cchc_kill_${Date.now()}`;
      const admin = new pg.Client({ connectionString: base.toString() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(base.toString());
        url.pathname = `/${name}`;
        await killAndRestart({ DATABASE_URL: url.toString(), CCHC_DATA_DIR: tmp() });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    600_000,
  );
});
