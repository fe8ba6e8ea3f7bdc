import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Lịch nghỉ do quản trị viên nhập — a year's official schedule of days off as entered by an
 * administrator. It replaces the schedule shipped with the code (or the provisional one derived
 * from the Labour Code) for that year.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** the documents announcing the schedule, e.g. "VPCP 8726/VPCP-KGVX (26/11/2024)" */
  sources: text('sources').array().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One special day of an administrator-entered year: a day off or a make-up working Saturday. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date').primaryKey(),
    year: integer('year').notNull(),
    /** holiday | compensatory | swapped | working_saturday */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);
