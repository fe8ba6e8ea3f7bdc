/**
 * The provisional derivation against what the Government actually announced. Swapped days and
 * make-up Saturdays are decided yearly and cannot be derived, so the comparison is on the
 * non-working weekdays that are statutory holidays or nghỉ bù.
 */
import { describe, expect, it } from 'vitest';
import { parseDate, weekday } from './civil-date.ts';
import raw from './data/vn-official-days-off.json' with { type: 'json' };
import { LUNAR_MIN_YEAR } from './lunar.ts';
import { deriveProvisionalSchedule } from './statutory-holidays.ts';

type RawYear = { daysOff: { date: string; kind: string; name: string }[] };
const years = raw.years as Record<string, RawYear>;
const isWeekday = (date: string) => {
  const w = weekday(parseDate(date));
  return w !== 0 && w !== 6;
};
const offWeekdays = (list: readonly { date: string; kind: string }[]) =>
  list
    .filter((d) => d.kind !== 'swapped' && isWeekday(d.date))
    .map((d) => d.date)
    .sort();

describe('provisional schedule vs the official ones', () => {
  it.each([2023, 2024, 2025, 2026])('%i: same statutory + compensatory weekdays off', (year) => {
    const official = years[String(year)]!.daysOff;
    const derived = deriveProvisionalSchedule(year);
    expect(derived.status).toBe('provisional');
    expect(derived.workingSaturdays).toEqual([]);
    expect(offWeekdays(derived.daysOff)).toEqual(offWeekdays(official));
  });

  it.each([2023, 2024, 2025])('%i: even the holiday/compensatory labels match', (year) => {
    const official = years[String(year)]!.daysOff.filter((d) => d.kind !== 'swapped');
    const derived = deriveProvisionalSchedule(year).daysOff;
    expect(derived.map((d) => [d.date, d.kind])).toEqual(official.map((d) => [d.date, d.kind]));
  });

  // Tết of earlier years, as announced (weekdays off only): the split "last two days of the
  // lunar year + mùng 1–3, plus nghỉ bù" reproduces each of them.
  it.each([
    [2019, ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08']], // nghỉ 02/02–10/02
    [2020, ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']], // nghỉ 23/01–29/01
    [2021, ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']], // nghỉ 10/02–16/02
    [2022, ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']], // nghỉ 29/01–06/02
  ])('Tết %i', (year, expected) => {
    const tet = deriveProvisionalSchedule(year)
      .daysOff.filter((d) => d.name.includes('Tết Nguyên đán'))
      .map((d) => d.date);
    expect(tet.filter(isWeekday).sort()).toEqual(expected);
  });

  // Quốc khánh adjacent day as announced since the two-day holiday began (2021).
  it.each([
    [2021, '2021-09-03'], // 2/9 Thursday → Friday 3/9
    [2022, '2022-09-01'], // Friday → Thursday 1/9
    [2023, '2023-09-01'], // Saturday → Friday 1/9 (+ nghỉ bù Monday 4/9)
    [2024, '2024-09-03'], // Monday → Tuesday 3/9
    [2025, '2025-09-01'], // Tuesday → Monday 1/9
    [2026, '2026-09-01'], // Wednesday → Tuesday 1/9
  ])('Quốc khánh %i: adjacent day %s', (year, date) => {
    const adj = deriveProvisionalSchedule(year).daysOff.find((d) => d.name === 'Quốc khánh (ngày liền kề)');
    expect(adj?.date).toBe(date);
  });
});

describe('derivation rules', () => {
  it('gives 11 statutory holidays every year and a nghỉ bù for each one on a weekend', () => {
    for (let year = LUNAR_MIN_YEAR + 1; year <= 2198; year++) {
      const s = deriveProvisionalSchedule(year);
      const holidays = s.daysOff.filter((d) => d.kind === 'holiday');
      const names = holidays.flatMap((h) => h.name.split('; '));
      expect(names, String(year)).toHaveLength(11);
      const lost = holidays.filter((h) => !isWeekday(h.date)).length + (names.length - holidays.length);
      const comp = s.daysOff.filter((d) => d.kind === 'compensatory');
      expect(comp.length, String(year)).toBe(lost);
      for (const c of comp) expect(isWeekday(c.date)).toBe(true);
      expect(new Set(s.daysOff.map((d) => d.date)).size).toBe(s.daysOff.length);
      for (const d of s.daysOff) expect(d.date.startsWith(String(year))).toBe(true);
    }
  });

  it('compensates a Giỗ Tổ that coincides with 30/4', () => {
    // Within 1900–2199 this happens only in 1947 (10/3 lunar = Wednesday 30/4): the rule, not the year, is tested
    const s = deriveProvisionalSchedule(1947);
    expect(s.daysOff.find((d) => d.date === '1947-04-30')?.name).toBe(
      'Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng',
    );
    expect(s.daysOff.find((d) => d.date === '1947-05-01')?.kind).toBe('holiday');
    expect(s.daysOff.find((d) => d.date === '1947-05-02')).toEqual({
      date: '1947-05-02',
      kind: 'compensatory',
      name: 'Nghỉ bù Ngày Chiến thắng',
    });
  });
});
