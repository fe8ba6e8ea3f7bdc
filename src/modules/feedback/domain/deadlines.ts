import { type Calendar, computeDueDate, hcmDate } from '../../../calendar/index.ts';

export interface CategoryDays {
  rejectDays: number;
  infoDays: number;
  answerDays: number;
  publishDays: number;
}

export interface Deadlines {
  effectiveReceiptDate: string;
  rejectDue: string;
  infoDue: string;
  answerDue: string;
}

/**
 * Deadlines of an item received at `at` (QĐ 766 5.2): reject ≤ 2, request more information ≤ 5,
 * answer ≤ 15 working days; counted from the effective receipt date (15:00 cut-off rule).
 */
export function deadlinesFor(cal: Calendar, at: Date, days: CategoryDays): Deadlines {
  const r = computeDueDate(cal, at, days.rejectDays);
  return {
    effectiveReceiptDate: r.effectiveReceiptDate,
    rejectDue: r.dueDate,
    infoDue: computeDueDate(cal, at, days.infoDays).dueDate,
    answerDue: computeDueDate(cal, at, days.answerDays).dueDate,
  };
}

/** Due date counted from another instant (answer after information supplied, publication after sending). */
export function dueFrom(cal: Calendar, at: Date, workingDays: number): string {
  return computeDueDate(cal, at, workingDays).dueDate;
}

/** On time when done on or before the due date (Hà Nội date). */
export function onTime(doneAt: Date, due: string): boolean {
  return hcmDate(doneAt) <= due;
}
