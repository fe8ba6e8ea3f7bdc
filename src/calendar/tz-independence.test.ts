/** The answers must not depend on the server's time zone: run the same probe under several TZs. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./__fixtures__/tz-probe.ts', import.meta.url));
const run = (tz: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 60_000,
    }),
  );

describe('server time zone independence', () => {
  it('answers the same under UTC, America/New_York, Asia/Ho_Chi_Minh and Pacific/Kiritimati', () => {
    const results = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'].map(run);
    // the child processes really ran in different zones
    expect(results.map((r) => r.offsetMinutes)).toEqual([0, 240, -420, -840]);
    const strip = ({ tz: _tz, offsetMinutes: _o, ...rest }: Record<string, unknown>) => rest;
    const [utc, ...others] = results.map(strip);
    for (const other of others) expect(other).toEqual(utc);
    expect(results[1].dueDates[0]).toEqual({
      effectiveReceiptDate: '2024-03-04',
      dueDate: '2024-03-07',
      provisional: false,
    });
    expect(results[1].lunar[0]).toEqual({ day: 1, month: 1, year: 1985, leapMonth: false });
  }, 120_000);
});
