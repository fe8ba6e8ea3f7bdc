/**
 * `cchc calendar …` run as a child process: every bad invocation is one line on stderr (the error
 * code, the Vietnamese text, then the English one) and exit code 2 — never a stack trace.
 * `--offline` everywhere, and a data directory of its own that must stay empty: no database is opened.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCchc } from '../../../test/process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cchc-calendar-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function calendar(...args: string[]) {
  const p = runCchc(['calendar', ...args], { CCHC_DATA_DIR: dataDir, DATABASE_URL: '' });
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

const AT = '2025-04-25T10:00:00+07:00';

// [what, args, code, Vietnamese text, English text]
const BAD: [string, string[], string, string, string][] = [
  [
    'a negative N as its own argument',
    ['due', '--received-at', AT, '--working-days', '-1', '--offline'],
    'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
    'Số ngày làm việc phải từ 0 đến 3650.',
    'The number of working days must be between 0 and 3650.',
  ],
  [
    'a negative N and nothing else',
    ['due', '--working-days', '-1'],
    'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
    'Số ngày làm việc phải từ 0 đến 3650.',
    'The number of working days must be between 0 and 3650.',
  ],
  [
    'a negative N with =',
    ['due', '--received-at', AT, '--working-days=-1', '--offline'],
    'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
    'Số ngày làm việc phải từ 0 đến 3650.',
    'The number of working days must be between 0 and 3650.',
  ],
  [
    '--received-at with no value at the end',
    ['due', '--working-days', '1', '--offline', '--received-at'],
    'CLI_OPTION_VALUE_MISSING',
    'Tùy chọn --received-at cần một giá trị.',
    'The option --received-at needs a value.',
  ],
  [
    '--received-at followed by another option',
    ['due', '--received-at', '--working-days', '1', '--offline'],
    'CLI_OPTION_VALUE_MISSING',
    'Tùy chọn --received-at cần một giá trị.',
    'The option --received-at needs a value.',
  ],
  [
    'a negative cut-off',
    ['due', '--received-at', AT, '--working-days', '1', '--cutoff', '-1', '--offline'],
    'CALENDAR_INVALID_TIME_OF_DAY',
    'Giờ "-1" không hợp lệ (cần dạng HH:MM).',
    'Invalid time of day "-1" (expected HH:MM).',
  ],
  [
    'a value on the boolean --offline',
    ['due', '--received-at', AT, '--working-days', '1', '--offline=1'],
    'CLI_OPTION_TAKES_NO_VALUE',
    'Tùy chọn --offline không nhận giá trị.',
    'The option --offline takes no value.',
  ],
  [
    'an extra argument after due',
    ['due', 'extra', '--received-at', AT, '--working-days', '1', '--offline'],
    'CLI_UNEXPECTED_ARGUMENT',
    'Thừa đối số "extra".',
    'Unexpected argument "extra".',
  ],
  [
    'an unknown option',
    ['due', '--received-at', AT, '--working-days', '1', '--offline', '--bogus'],
    'CLI_UNKNOWN_OPTION',
    'Không có tùy chọn --bogus.',
    'Unknown option --bogus.',
  ],
  [
    'no --working-days',
    ['due', '--received-at', AT, '--offline'],
    'CLI_OPTION_MISSING',
    'Thiếu tùy chọn --working-days.',
    'The option --working-days is missing.',
  ],
  [
    'a receipt after the cut-off in 1999',
    ['due', '--received-at', '1999-06-01T16:00:00+07:00', '--working-days', '0', '--offline'],
    'CALENDAR_YEAR_OUT_OF_RANGE',
    'Năm 1999 nằm ngoài phạm vi lịch (2000–2100).',
    'Year 1999 is outside the calendar (2000–2100).',
  ],
  [
    'a year that is not a year',
    ['year', 'abc', '--offline'],
    'CALENDAR_NOT_A_YEAR',
    '"abc" không phải là một năm (cần dạng YYYY).',
    '"abc" is not a year (expected YYYY).',
  ],
  [
    'no year',
    ['year', '--offline'],
    'CALENDAR_YEAR_MISSING',
    'Thiếu năm (cần dạng YYYY).',
    'The year is missing (expected YYYY).',
  ],
  [
    'two years',
    ['year', '2025', '2026', '--offline'],
    'CLI_UNEXPECTED_ARGUMENT',
    'Thừa đối số "2026".',
    'Unexpected argument "2026".',
  ],
  [
    'no date for lunar',
    ['lunar'],
    'CALENDAR_DATE_MISSING',
    'Thiếu ngày (cần dạng YYYY-MM-DD).',
    'The date is missing (expected YYYY-MM-DD).',
  ],
  [
    'an unknown sub-command',
    ['nonsense'],
    'BAD_REQUEST',
    'Yêu cầu không hợp lệ: "cchc calendar nonsense" (cchc help)',
    'Bad request: "cchc calendar nonsense" (cchc help)',
  ],
];

describe('cchc calendar with bad input', () => {
  it.concurrent.for(BAD)('%s: exit 2 and one line', async ([, args, code, vi, en], { expect }) => {
    const r = await calendar(...args);
    expect(r.stderr).not.toMatch(/^ {4}at /m);
    expect(r.stderr).toBe(`cchc: ${code}: ${vi} — ${en}\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('cchc calendar with good input', () => {
  it.concurrent.for([
    [
      ['due', '--received-at', '2025-04-25T16:00:00+07:00', '--working-days', '1', '--offline'],
      { effectiveReceiptDate: '2025-04-26', dueDate: '2025-04-28', provisional: false },
    ],
    [
      ['due', '--offline', '--received-at=2025-04-25T16:00:00+07:00', '--working-days=0', '--cutoff', 'none'],
      { effectiveReceiptDate: '2025-04-25', dueDate: '2025-04-25', provisional: false },
    ],
  ] as [string[], unknown][])('%s answers as before', async ([args, answer], { expect }) => {
    const r = await calendar(...args);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual(answer);
  });

  it('year works offline', async () => {
    const r = await calendar('year', '2025', '--offline');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ year: 2025, status: 'official' });
  });
});

describe('no database', () => {
  // runs after the others (sequential describe blocks): nothing above opened the database
  it('left the data directory empty', () => {
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
