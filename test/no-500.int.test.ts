import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './harness.ts';

/**
 * No user input ever yields a 500: every documented route is called with malformed ids, bodies and
 * query strings, anonymously and as an administrator, and must answer below 500 with problem+json
 * for errors.
 */
const GARBAGE_BODIES: unknown[] = [
  {},
  { version: -1, id: "'; drop table units; --", name: '<script>alert(1)</script>', x: 'x'.repeat(5000) },
  [1, 2, 3],
  { a: { b: { c: { d: { e: {} } } } }, limit: 1e308, from: 'not-a-date', year: 99999 },
];
const PARAM_VALUES = ['00000000-0000-0000-0000-000000000000', 'not-an-id', '..%2F..%2Fetc%2Fpasswd', '999999999999'];
const QUERY_STRINGS = [
  '',
  '?limit=-5&offset=abc&from=2024-13-45&year=abc&q=%00',
  '?year=1800&unitCode=%27%20or%201%3D1',
];

describe('no input yields a 500', () => {
  let t: TestApp;
  let admin: Session;
  let routes: { method: string; url: string }[];
  beforeAll(async () => {
    t = await createTestApp('pglite');
    admin = await t.login('admin@cchc.local');
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), url: path })),
    );
  });
  afterAll(() => t?.close());

  it('covers the documented API', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it('answers every malformed request below 500, as problem+json', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      for (const p of PARAM_VALUES) {
        const url = r.url.replace(/\{[^}]+\}/g, p);
        for (const qs of QUERY_STRINGS) {
          for (const who of [t.anon, admin]) {
            const bodies = r.method === 'GET' || r.method === 'DELETE' ? [undefined] : GARBAGE_BODIES;
            for (const body of bodies) {
              const res = await who.request(r.method, url + qs, body);
              if (res.status >= 500) failures.push(`${r.method} ${url}${qs} → ${res.status} ${res.raw.slice(0, 200)}`);
              else if (
                res.status >= 400 &&
                !String(res.headers['content-type']).includes('problem+json') &&
                !url.startsWith('/open311')
              ) {
                failures.push(
                  `${r.method} ${url}${qs} → ${res.status} without problem+json (${res.headers['content-type']})`,
                );
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
