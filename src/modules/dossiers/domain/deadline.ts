/**
 * Deadlines of a dossier (pure): due date from the official receipt instant, the clock stopped for
 * a supplement and restarted, step due dates, and the derived overdue flag.
 */
import {
  addWorkingDaysEpoch,
  type Calendar,
  computeDueDate,
  countWorkingDaysEpoch,
  dueEpochDay,
  effectiveReceiptEpochDay,
  epochDayFromYmd,
  formatDate,
  hcmDate,
  hcmEpochDay,
  parseDate,
  receiptRule,
} from '../../../calendar/index.ts';

export interface Receipt {
  effectiveReceiptDate: string;
  dueDate: string;
}

/**
 * Effective receipt date and due date after `days` working days; the procedure's cut-off
 * (default 15:00, null = none) decides whether a late arrival counts from the next working day.
 */
export function receiptDueDate(
  cal: Calendar,
  receivedAt: Date,
  days: number,
  cutoff: string | null = '15:00',
): Receipt {
  const r = computeDueDate(cal, receivedAt, days, receiptRule(cutoff));
  return { effectiveReceiptDate: r.effectiveReceiptDate, dueDate: r.dueDate };
}

/** Working days left on the clock when it stops at `at` (0 if already due). */
export function remainingWorkingDays(cal: Calendar, at: Date, dueDate: string): number {
  const today = hcmEpochDay(at.getTime());
  const due = parseDate(dueDate);
  if (today >= due) return 0;
  // working days strictly after today up to and including the due day
  return countWorkingDaysEpoch(cal, today, due);
}

/**
 * The clock restarts when the supplement arrives: the due date after the remaining working days,
 * counted with the procedure's receipt cut-off like the first receipt.
 */
export function resumedDueDate(cal: Calendar, at: Date, remaining: number, cutoff: string | null = '15:00'): string {
  const eff = effectiveReceiptEpochDay(cal, at.getTime(), receiptRule(cutoff));
  return formatDate(dueEpochDay(cal, eff, remaining));
}

/**
 * Due date of a step that starts at `at` and may take `days` working days. A step starts the day
 * it is handed over, under the procedure's cut-off, so the first step counts from the dossier's
 * own effective receipt day.
 */
export function stepDueDate(cal: Calendar, at: Date, days: number, cutoff: string | null = '15:00'): string {
  const eff = effectiveReceiptEpochDay(cal, at.getTime(), receiptRule(cutoff));
  return formatDate(dueEpochDay(cal, eff, days));
}

/** Overdue (quá hạn): derived, never stored. Open dossiers past their due date, or finished after it. */
export function isOverdue(d: { dueDate: string | null; finishedAt: Date | null; status: string }, now: Date): boolean {
  if (!d.dueDate || d.status === 'supplement_requested') return false;
  const end = d.finishedAt ? hcmDate(d.finishedAt) : hcmDate(now);
  return end > d.dueDate;
}

/** "Sắp đến hạn": open, not overdue, due within `within` working days. */
export function isDueSoon(
  cal: Calendar,
  d: { dueDate: string | null; finishedAt: Date | null; status: string },
  now: Date,
  within = 2,
): boolean {
  if (!d.dueDate || d.finishedAt || d.status === 'supplement_requested') return false;
  const today = hcmEpochDay(now.getTime());
  const due = epochDayFromYmd(...(d.dueDate.split('-').map(Number) as [number, number, number]));
  if (due < today) return false;
  return addWorkingDaysEpoch(cal, today, within) >= due;
}
