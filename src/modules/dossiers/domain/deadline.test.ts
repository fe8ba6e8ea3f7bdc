import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../calendar/index.ts';
import { isDueSoon, isOverdue, receiptDueDate, remainingWorkingDays, resumedDueDate, stepDueDate } from './deadline.ts';
import { dossierCode } from './dossier-code.ts';

const cal = defaultCalendar();

describe('due dates from the official 2023 calendar', () => {
  it('received Friday 2023-09-15 at 16:00 counts from Monday 2023-09-18; 15 working days → Monday 2023-10-09', () => {
    // by hand: no official day off between 18/9 and 9/10/2023 (Quốc khánh was 1–4/9);
    // day 1 = Tue 19/9 … 19/9–22/9 (4), 25/9–29/9 (9), 2/10–6/10 (14), Mon 9/10 (15)
    expect(receiptDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 15)).toEqual({
      effectiveReceiptDate: '2023-09-18',
      dueDate: '2023-10-09',
    });
  });
  it('received Friday 2023-09-15 at 14:59 counts that day: 15 working days → Friday 2023-10-06', () => {
    expect(receiptDueDate(cal, new Date('2023-09-15T14:59:00+07:00'), 15)).toEqual({
      effectiveReceiptDate: '2023-09-15',
      dueDate: '2023-10-06',
    });
  });
  it('skips the Quốc khánh days off 1–4/9/2023: received Thursday 31/8 at 10:00, 3 days → Thursday 7/9', () => {
    expect(receiptDueDate(cal, new Date('2023-08-31T10:00:00+07:00'), 3).dueDate).toBe('2023-09-07');
  });
  it('same-day procedures (0 days): after 15:00 the result is due the next working day', () => {
    expect(receiptDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 0).dueDate).toBe('2023-09-18');
    expect(receiptDueDate(cal, new Date('2023-09-15T09:00:00+07:00'), 0).dueDate).toBe('2023-09-15');
  });
  it("follows the procedure's own cut-off: none, or an earlier hour", () => {
    // no cut-off: a dossier received Friday 15/9/2023 at 16:00 counts that Friday → due Friday 6/10 (as at 14:59)
    expect(receiptDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 15, null)).toEqual({
      effectiveReceiptDate: '2023-09-15',
      dueDate: '2023-10-06',
    });
    // cut-off 11:00: 11:30 on Friday counts from Monday 18/9 → due Monday 9/10
    expect(receiptDueDate(cal, new Date('2023-09-15T11:30:00+07:00'), 15, '11:00').dueDate).toBe('2023-10-09');
    expect(receiptDueDate(cal, new Date('2023-09-15T10:59:00+07:00'), 15, '11:00').dueDate).toBe('2023-10-06');
  });
  it('stops the clock for a supplement and restarts it with the remaining working days', () => {
    // due 2023-10-09; stopped Monday 2023-10-02 → 5 working days left (3,4,5,6,9 October)
    expect(remainingWorkingDays(cal, new Date('2023-10-02T10:00:00+07:00'), '2023-10-09')).toBe(5);
    // supplement arrives Wednesday 2023-10-11 at 16:30 → counts from Thu 12/10; +5 → Thu 19/10
    expect(resumedDueDate(cal, new Date('2023-10-11T16:30:00+07:00'), 5)).toBe('2023-10-19');
    expect(remainingWorkingDays(cal, new Date('2023-10-10T10:00:00+07:00'), '2023-10-09')).toBe(0);
    // a procedure without cut-off counts the 16:30 supplement from Wednesday 11/10 itself: +5 → Wed 18/10
    expect(resumedDueDate(cal, new Date('2023-10-11T16:30:00+07:00'), 5, null)).toBe('2023-10-18');
    // one with a 17:00 cut-off too; at 17:00 it is the next day again
    expect(resumedDueDate(cal, new Date('2023-10-11T16:30:00+07:00'), 5, '17:00')).toBe('2023-10-18');
    expect(resumedDueDate(cal, new Date('2023-10-11T17:00:00+07:00'), 5, '17:00')).toBe('2023-10-19');
  });
  it("step due dates follow the same receipt rule, with the procedure's cut-off", () => {
    expect(stepDueDate(cal, new Date('2023-09-18T08:00:00+07:00'), 10)).toBe('2023-10-02');
    // handed over Friday 15/9/2023 at 16:00: by default from Monday 18/9 (+1 → Tue 19/9) …
    expect(stepDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 1)).toBe('2023-09-19');
    // … without a cut-off from Friday itself (+1 → Mon 18/9), as the dossier's receipt is
    expect(stepDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 1, null)).toBe('2023-09-18');
    expect(receiptDueDate(cal, new Date('2023-09-15T16:00:00+07:00'), 1, null).dueDate).toBe('2023-09-18');
  });
});

describe('overdue is derived', () => {
  const now = new Date('2023-10-10T09:00:00+07:00');
  it('open past its due date', () =>
    expect(isOverdue({ dueDate: '2023-10-09', finishedAt: null, status: 'processing' }, now)).toBe(true));
  it('finished on the due date is on time', () =>
    expect(
      isOverdue({ dueDate: '2023-10-09', finishedAt: new Date('2023-10-09T16:59:00+07:00'), status: 'resolved' }, now),
    ).toBe(false));
  it('finished the day after is late', () =>
    expect(
      isOverdue({ dueDate: '2023-10-09', finishedAt: new Date('2023-10-10T08:00:00+07:00'), status: 'resolved' }, now),
    ).toBe(true));
  it('the clock stands still while a supplement is awaited', () =>
    expect(isOverdue({ dueDate: '2023-10-09', finishedAt: null, status: 'supplement_requested' }, now)).toBe(false));
  it('warns two working days ahead', () => {
    expect(
      isDueSoon(
        cal,
        { dueDate: '2023-10-11', finishedAt: null, status: 'processing' },
        new Date('2023-10-09T09:00:00+07:00'),
      ),
    ).toBe(true);
    expect(
      isDueSoon(
        cal,
        { dueDate: '2023-10-13', finishedAt: null, status: 'processing' },
        new Date('2023-10-09T09:00:00+07:00'),
      ),
    ).toBe(false);
  });
});

describe('dossier code', () => {
  it('is <unit identifier>-YYMMDD-XXXX', () => {
    expect(dossierCode('000.00.12.H26', '2024-03-15', 7)).toBe('000.00.12.H26-240315-0007');
    expect(dossierCode('HN-BTL-P-TC', '2023-09-18', 123)).toBe('HN-BTL-P-TC-230918-0123');
  });
});
