/**
 * Provisional schedule of a year the Government has not announced yet, derived from the statutory
 * rules (Labour Code 2019, Art. 112). Choices, checked against the official schedules 2019–2026:
 *
 * - Tết Nguyên đán, 5 days: the last two days of the lunar year + mùng 1–3. The law leaves the
 *   split to the Government; this split, together with nghỉ bù, reproduces the official
 *   non-working weekdays of every Tết 2019–2026 (2026 was announced as 29 Chạp + mùng 1–4, but
 *   28 Chạp fell on a Sunday, so its nghỉ bù lands on the same Friday). The often-quoted
 *   "last day + mùng 1–4" would have missed 2023, 2024 and 2025.
 * - Quốc khánh: 2/9 plus one adjacent day. Practice since 2021: the day before (1/9), except when
 *   1/9 is a weekend (2/9 on Sunday or Monday) or when 3/9 is a Friday (2/9 on Thursday) — then
 *   3/9, so the holiday joins the weekend. Matches 2021 (Thu→3/9), 2022 (Fri→1/9), 2023
 *   (Sat→1/9), 2024 (Mon→3/9), 2025 (Tue→1/9), 2026 (Wed→1/9).
 * - Giỗ Tổ Hùng Vương: 10/3 of the regular (non-leap) third lunar month.
 * - Nghỉ bù (Art. 112.3): a holiday on Saturday/Sunday is compensated on the next working day
 *   that is not already a day off, taking holidays in date order. A holiday that coincides with
 *   another holiday (Giỗ Tổ on 30/4 — within 1900–2199 only in 1947) is compensated the same
 *   way, so that no statutory day is lost; the law is silent on this case.
 * - Swapped days and make-up Saturdays are decided each year and cannot be derived.
 */
import { epochDayFromYmd, formatDate, isWeekend, weekday } from './civil-date.ts';
import { lunarNewYearEpoch, lunarToSolarEpoch, solarToLunarEpoch } from './lunar.ts';
import type { DayOff, YearSchedule } from './schedule.ts';

export const PROVISIONAL_SOURCE = 'Bộ luật Lao động 2019, Điều 112 (lịch dự kiến, chưa có thông báo chính thức)';

interface Holiday {
  day: number;
  name: string;
  compensatoryName: string;
}

function statutoryHolidays(year: number): Holiday[] {
  const d = (m: number, day: number) => epochDayFromYmd(year, m, day);
  const tet = lunarNewYearEpoch(year);
  const tetComp = 'Nghỉ bù Tết Nguyên đán';
  const chap = (day: number) => `Tết Nguyên đán (${solarToLunarEpoch(day).day} tháng Chạp)`;
  const gioTo = lunarToSolarEpoch({ day: 10, month: 3, year, leapMonth: false });
  const quocKhanh = d(9, 2);
  const w = weekday(quocKhanh);
  const adjacent = w === 0 || w === 1 || w === 4 ? quocKhanh + 1 : quocKhanh - 1;
  const list: Holiday[] = [
    { day: d(1, 1), name: 'Tết Dương lịch', compensatoryName: 'Nghỉ bù Tết Dương lịch' },
    { day: tet - 2, name: chap(tet - 2), compensatoryName: tetComp },
    { day: tet - 1, name: chap(tet - 1), compensatoryName: tetComp },
    { day: tet, name: 'Tết Nguyên đán (mùng 1)', compensatoryName: tetComp },
    { day: tet + 1, name: 'Tết Nguyên đán (mùng 2)', compensatoryName: tetComp },
    { day: tet + 2, name: 'Tết Nguyên đán (mùng 3)', compensatoryName: tetComp },
    { day: gioTo, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', compensatoryName: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { day: d(4, 30), name: 'Ngày Chiến thắng', compensatoryName: 'Nghỉ bù Ngày Chiến thắng' },
    { day: d(5, 1), name: 'Quốc tế Lao động', compensatoryName: 'Nghỉ bù Quốc tế Lao động' },
    { day: adjacent, name: 'Quốc khánh (ngày liền kề)', compensatoryName: 'Nghỉ bù Quốc khánh' },
    { day: quocKhanh, name: 'Quốc khánh', compensatoryName: 'Nghỉ bù Quốc khánh' },
  ];
  return list.sort((a, b) => a.day - b.day);
}

/** The provisional schedule of `year` (lunar range 1900–2199). */
export function deriveProvisionalSchedule(year: number): YearSchedule {
  const holidays = statutoryHolidays(year);
  const holidayDays = new Set(holidays.map((h) => h.day));
  const off = new Map<number, DayOff>();
  const compensatory = new Map<number, DayOff>();
  for (const h of holidays) {
    const existing = off.get(h.day);
    if (existing) existing.name = `${existing.name}; ${h.name}`;
    else off.set(h.day, { date: formatDate(h.day), kind: 'holiday', name: h.name });
    if (isWeekend(h.day) || existing) {
      let c = h.day + 1;
      while (isWeekend(c) || holidayDays.has(c) || compensatory.has(c)) c++;
      compensatory.set(c, { date: formatDate(c), kind: 'compensatory', name: h.compensatoryName });
    }
  }
  const daysOff = [...off.values(), ...compensatory.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, status: 'provisional', daysOff, workingSaturdays: [], sources: [PROVISIONAL_SOURCE] };
}
