/**
 * Due date of a dossier (hạn giải quyết hồ sơ) from its receipt instant.
 *
 * Receipt rule: a dossier received at or after the cut-off time (default 15:00 Hà Nội time) or
 * on a non-working day counts as received on the next working day — the effective receipt date.
 * Day 1 is the working day after the effective receipt date; the due date is the N-th working day
 * after it (N = 0 → the effective receipt date itself).
 */
import { type Calendar, calendarDateText, isProvisionalBetween, isWorkingEpochDay, outOfCalendar } from './calendar.ts';
import { hcmEpochDay, hcmMsOfDay, instantToMs, parseTimeOfDay } from './instant.ts';
import { checkWorkingDays } from './working-days.ts';

export const DEFAULT_CUTOFF = '15:00';

/** When a day's intake closes. `cutoffMs` = ms after Hà Nội midnight, or null for no cut-off. */
export interface ReceiptRule {
  readonly cutoff: string | null;
  readonly cutoffMs: number | null;
}

/** A receipt rule from a cut-off 'HH:MM[:SS]' (Hà Nội time) or null to disable the cut-off. */
export function receiptRule(cutoff: string | null = DEFAULT_CUTOFF): ReceiptRule {
  return { cutoff, cutoffMs: cutoff === null ? null : parseTimeOfDay(cutoff) };
}

export const DEFAULT_RECEIPT_RULE: ReceiptRule = receiptRule();

/** The cut-off as people write it (API query, CLI option): absent = 15:00, "none" = no cut-off, else HH:MM. */
export function receiptRuleFrom(text: string | undefined): ReceiptRule {
  if (text === undefined) return DEFAULT_RECEIPT_RULE;
  return receiptRule(text === 'none' ? null : text);
}

/** Effective receipt day (epoch day) of a receipt instant (epoch ms). */
export function effectiveReceiptEpochDay(cal: Calendar, receivedAtMs: number, rule = DEFAULT_RECEIPT_RULE): number {
  const day = hcmEpochDay(receivedAtMs);
  // checked first: a receipt day outside the calendar is reported with its own year (a day before
  // the range would otherwise read cum at a negative index and blame the year after the range)
  const working = isWorkingEpochDay(cal, day);
  const late = rule.cutoffMs !== null && hcmMsOfDay(receivedAtMs) >= rule.cutoffMs;
  if (!late && working) return day;
  // cum[i + 1] = working days up to and including day i = index of the first one after it
  const next = cal.workingDays[cal.cum[day - cal.firstDay + 1]!];
  if (next === undefined) throw outOfCalendar(cal, cal.lastDay + 1);
  return next;
}

/** Due day (epoch day) from an effective receipt day, which is a working day. */
export function dueEpochDay(cal: Calendar, effectiveDay: number, workingDays: number): number {
  const due = cal.workingDays[cal.cum[effectiveDay - cal.firstDay]! + workingDays];
  if (due === undefined) throw outOfCalendar(cal, cal.lastDay + 1);
  return due;
}

/** The answer of GET /api/v1/calendar/due-date. */
export interface DueDateAnswer {
  effectiveReceiptDate: string;
  dueDate: string;
  /** true if any day from the receipt to the due date lies in a year without an official schedule */
  provisional: boolean;
}

/**
 * Effective receipt date and due date of a dossier received at `receivedAt` (an ISO 8601 instant
 * with its zone, or a Date) with `workingDays` working days to process it (0–3650).
 */
export function computeDueDate(
  cal: Calendar,
  receivedAt: string | Date,
  workingDays: number,
  rule: ReceiptRule = DEFAULT_RECEIPT_RULE,
): DueDateAnswer {
  checkWorkingDays(workingDays);
  const ms = instantToMs(receivedAt);
  const effective = effectiveReceiptEpochDay(cal, ms, rule);
  const due = dueEpochDay(cal, effective, workingDays);
  return {
    effectiveReceiptDate: calendarDateText(cal, effective),
    dueDate: calendarDateText(cal, due),
    provisional: isProvisionalBetween(cal, hcmEpochDay(ms), due),
  };
}
