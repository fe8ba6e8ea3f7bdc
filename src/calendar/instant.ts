/**
 * Instants (points in time) and their wall-clock reading in Asia/Ho_Chi_Minh. Vietnam has used
 * UTC+7 without daylight saving since 1975, so the conversion is a fixed +7 h shift — the server's
 * own zone is never consulted.
 */
import { CalendarError } from './calendar-errors.ts';
import { daysInMonth, epochDayFromYmd, formatDate, MS_PER_DAY, readDigits } from './civil-date.ts';

/** Asia/Ho_Chi_Minh offset from UTC. */
export const HCM_OFFSET_MS = 7 * 3_600_000;

const EXPECTED = 'YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)';

function invalid(value: string, reason: string): CalendarError {
  return new CalendarError('CALENDAR_INVALID_INSTANT', { value, reason, expected: EXPECTED });
}

/**
 * Epoch milliseconds of an ISO 8601 / RFC 3339 instant. The zone designator (Z or ±HH:MM) is
 * mandatory: a local date-time is ambiguous and is rejected with CALENDAR_INSTANT_WITHOUT_ZONE.
 * Fractions of a second beyond milliseconds are truncated (never rounded up across a cut-off).
 */
export function parseInstant(s: string): number {
  if (typeof s !== 'string') throw invalid(String(s), 'not a string');
  const n = s.length;
  if (n < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) {
    throw invalid(s, 'shape');
  }
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) throw invalid(s, 'shape');
  const y = readDigits(s, 0, 4);
  const mo = readDigits(s, 5, 2);
  const d = readDigits(s, 8, 2);
  const h = readDigits(s, 11, 2);
  const mi = readDigits(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw invalid(s, 'date');
  if (h < 0 || h > 23 || mi < 0 || mi > 59) throw invalid(s, 'time');
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = readDigits(s, i + 1, 2);
    if (sec < 0 || sec > 59 || i + 3 > n) throw invalid(s, 'seconds');
    i += 3;
    const c = s.charCodeAt(i);
    if (i < n && (c === 46 || c === 44)) {
      let j = i + 1;
      let scale = 100;
      while (j < n) {
        const digit = s.charCodeAt(j) - 48;
        if (digit < 0 || digit > 9) break;
        ms += digit * scale;
        scale /= 10;
        j++;
      }
      if (j === i + 1 || j - i - 1 > 9) throw invalid(s, 'fraction');
      ms = Math.floor(ms);
      i = j;
    }
  }
  if (i === n) throw new CalendarError('CALENDAR_INSTANT_WITHOUT_ZONE', { value: s, expected: EXPECTED });
  let offsetMs = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) throw invalid(s, 'zone');
  } else if (z === 43 || z === 45) {
    const oh = readDigits(s, i + 1, 2);
    const om = readDigits(s, i + 4, 2);
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) throw invalid(s, 'zone');
    offsetMs = (z === 43 ? 1 : -1) * (oh * 3_600_000 + om * 60_000);
  } else {
    throw invalid(s, 'zone');
  }
  return epochDayFromYmd(y, mo, d) * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms - offsetMs;
}

/** Epoch milliseconds of a Date or an ISO instant string. */
export function instantToMs(instant: string | Date): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw invalid('Invalid Date', 'date');
    return ms;
  }
  return parseInstant(instant);
}

/** The Hà Nội calendar day (epoch day) of an instant. */
export function hcmEpochDay(epochMs: number): number {
  return Math.floor((epochMs + HCM_OFFSET_MS) / MS_PER_DAY);
}

/** The Hà Nội date of an instant, 'YYYY-MM-DD'. */
export function hcmDate(at: Date | number): string {
  return formatDate(hcmEpochDay(typeof at === 'number' ? at : at.getTime()));
}

/** Milliseconds since local midnight in Hà Nội. */
export function hcmMsOfDay(epochMs: number): number {
  const shifted = epochMs + HCM_OFFSET_MS;
  return shifted - Math.floor(shifted / MS_PER_DAY) * MS_PER_DAY;
}

/** Milliseconds since midnight of 'HH:MM' or 'HH:MM:SS' (00:00 ≤ t ≤ 23:59:59). */
export function parseTimeOfDay(s: string): number {
  const ok = typeof s === 'string' && (s.length === 5 || (s.length === 8 && s.charCodeAt(5) === 58));
  const h = ok && s.charCodeAt(2) === 58 ? readDigits(s, 0, 2) : -1;
  const m = ok ? readDigits(s, 3, 2) : -1;
  const sec = ok && s.length === 8 ? readDigits(s, 6, 2) : 0;
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
    throw new CalendarError('CALENDAR_INVALID_TIME_OF_DAY', { value: s, expected: 'HH:MM[:SS]' });
  }
  return h * 3_600_000 + m * 60_000 + sec * 1000;
}
