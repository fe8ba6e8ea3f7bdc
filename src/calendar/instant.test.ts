import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import { formatDate } from './civil-date.ts';
import { hcmEpochDay, hcmMsOfDay, instantToMs, parseInstant, parseTimeOfDay } from './instant.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('parseInstant', () => {
  it('reads Z and ±hh:mm offsets', () => {
    const ms = Date.UTC(2024, 2, 1, 8, 30);
    expect(parseInstant('2024-03-01T08:30:00Z')).toBe(ms);
    expect(parseInstant('2024-03-01T08:30Z')).toBe(ms);
    expect(parseInstant('2024-03-01t08:30:00z')).toBe(ms);
    expect(parseInstant('2024-03-01T15:30:00+07:00')).toBe(ms);
    expect(parseInstant('2024-03-01T03:30:00-05:00')).toBe(ms);
    expect(parseInstant('2024-03-01T14:00:00+05:30')).toBe(ms);
    expect(parseInstant('2024-03-01T08:30:00.250Z')).toBe(ms + 250);
    expect(parseInstant('2024-03-01T08:30:00,5Z')).toBe(ms + 500);
    // sub-millisecond digits are truncated, never rounded up
    expect(parseInstant('2024-03-01T14:59:59.999999999+07:00')).toBe(Date.UTC(2024, 2, 1, 7, 59, 59, 999));
  });

  it('agrees with Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it.each(['2024-03-01T08:30:00', '2024-03-01T08:30', '2024-03-01T08:30:00.123'])(
    'rejects %j (no zone) with CALENDAR_INSTANT_WITHOUT_ZONE',
    (s) => expect(codeOf(() => parseInstant(s))).toBe('CALENDAR_INSTANT_WITHOUT_ZONE'),
  );

  it.each([
    '2024-03-01',
    '2024-03-01 08:30:00Z',
    '2024-02-30T08:30:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T08:60:00Z',
    '2024-03-01T08:30:60Z',
    '2024-03-01T08:30:00+0700',
    '2024-03-01T08:30:00+07',
    '2024-03-01T08:30:00+24:00',
    '2024-03-01T08:30:00 Z',
    '2024-03-01T08:30:00ZZ',
    '2024-03-01T08:30:00.Z',
    '2024-03-01T08:30:00.1234567890Z',
    '2024-03-01T08:30:00UTC',
    'yesterday',
    '',
  ])('rejects %j with CALENDAR_INVALID_INSTANT', (s) => {
    expect(codeOf(() => parseInstant(s))).toBe('CALENDAR_INVALID_INSTANT');
  });

  it('accepts Dates but not invalid ones', () => {
    expect(instantToMs(new Date(Date.UTC(2024, 0, 1)))).toBe(Date.UTC(2024, 0, 1));
    expect(codeOf(() => instantToMs(new Date(Number.NaN)))).toBe('CALENDAR_INVALID_INSTANT');
  });
});

describe('Hà Nội wall clock', () => {
  it('shifts by exactly +7 h', () => {
    expect(formatDate(hcmEpochDay(parseInstant('2024-03-03T16:59:59Z')))).toBe('2024-03-03');
    expect(formatDate(hcmEpochDay(parseInstant('2024-03-03T17:00:00Z')))).toBe('2024-03-04');
    expect(hcmMsOfDay(parseInstant('2024-03-01T08:30:00Z'))).toBe(15.5 * 3_600_000);
    expect(hcmMsOfDay(parseInstant('1969-12-31T17:00:00Z'))).toBe(0); // before the epoch too
  });

  it('parses cut-off times', () => {
    expect(parseTimeOfDay('15:00')).toBe(15 * 3_600_000);
    expect(parseTimeOfDay('16:30:15')).toBe((16 * 3600 + 30 * 60 + 15) * 1000);
    for (const bad of ['15', '24:00', '15:60', '3:00', '15:00:60', '15-00', '15:00:0'])
      expect(codeOf(() => parseTimeOfDay(bad))).toBe('CALENDAR_INVALID_TIME_OF_DAY');
  });
});
