import type { Lang } from './catalogue.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const localeOf = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** '2024-03-13' → '13/03/2024' (both languages use day/month/year; the dates are Vietnamese). */
export function formatDate(isoDate: string | null | undefined, _lang: Lang = 'vi'): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant shown in Vietnam time: '2024-03-13T07:05:00Z' → '13/03/2024 14:05'. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'vi'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/** 94.27 → '94,27' (vi) or '94.27' (en); 1234.5 → '1.234,5' (vi). */
export function formatNumber(n: number | null | undefined, lang: Lang = 'vi', fractionDigits?: number): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  const opts: Intl.NumberFormatOptions =
    fractionDigits === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', opts).format(n);
}

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

/** The wall clock in Vietnam now, 'YYYY-MM-DDTHH:mm' (pickers show Vietnam time whatever the browser's zone). */
export function nowInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}
