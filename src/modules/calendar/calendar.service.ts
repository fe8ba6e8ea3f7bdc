import './calendar.errors.ts';
import {
  buildCalendar,
  type Calendar,
  computeDueDate,
  deriveProvisionalSchedule,
  describeYear,
  mergeSchedules,
  parseWorkingDays,
  receiptRuleFrom,
  shippedSchedules,
  solarToLunar,
  validateYearSchedule,
  WORKING_DAYS_MAX_YEAR,
  WORKING_DAYS_MIN_YEAR,
  type YearSchedule,
} from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { calendarCall } from './calendar.errors.ts';
import { canEditCalendar } from './calendar.policy.ts';
import * as repo from './calendar.repository.ts';
import type { ScheduleInput, ScheduleView } from './calendar.schemas.ts';
import { readScheduleFile } from './calendar-transfer.ts';

type Signed = RequestContext & { actor: Actor };

// ── the calendar in memory ──────────────────────────────────────────────────

/** How long a process trusts its calendar before asking the database whether another process changed it. */
const RECHECK_MS = 30_000;
interface Cached {
  calendar: Promise<Calendar>;
  fingerprint: string;
  checkedAt: number;
}
const cache = new WeakMap<Db, Cached>();

function toSchedule(y: repo.StoredYear): YearSchedule {
  return calendarCall(() =>
    validateYearSchedule({
      year: y.year,
      status: 'official',
      daysOff: y.days.filter((d) => d.kind !== 'working_saturday'),
      workingSaturdays: y.days
        .filter((d) => d.kind === 'working_saturday')
        .map((d) => ({ date: d.date, name: d.name })),
      sources: y.sources,
    }),
  );
}

/**
 * The working-day calendar: shipped official schedules, overridden by the years administrators
 * edited, provisional elsewhere. Built once per process and rebuilt after an edit (here at once,
 * in other processes within RECHECK_MS). Other modules compute deadlines with it.
 */
export async function getCalendar(db: Db): Promise<Calendar> {
  const c = cache.get(db);
  const now = Date.now();
  if (c && now - c.checkedAt < RECHECK_MS) return c.calendar;
  const fp = await repo.fingerprint(db);
  if (c && c.fingerprint === fp) {
    c.checkedAt = now;
    return c.calendar;
  }
  const calendar = repo
    .listYears(db)
    .then((stored) => buildCalendar(mergeSchedules(shippedSchedules(), stored.map(toSchedule))));
  cache.set(db, { calendar, fingerprint: fp, checkedAt: now });
  calendar.catch(() => cache.delete(db));
  return calendar;
}

/** Drops the cached calendar (after an edit). */
export function forgetCalendar(db: Db): void {
  cache.delete(db);
}

// ── public answers ──────────────────────────────────────────────────────────

export async function dueDate(db: Db, q: { receivedAt: string; workingDays: string | number; cutoff?: string }) {
  const cal = await getCalendar(db);
  return calendarCall(() =>
    computeDueDate(cal, q.receivedAt, parseWorkingDays(q.workingDays), receiptRuleFrom(q.cutoff)),
  );
}

export function lunarDate(date: string) {
  return calendarCall(() => solarToLunar(date));
}

export async function yearOverview(db: Db, year: number) {
  const cal = await getCalendar(db);
  return calendarCall(() => describeYear(cal, year));
}

// ── administration ──────────────────────────────────────────────────────────

function checkEditor(ctx: Signed) {
  if (!canEditCalendar(ctx.actor)) throw new AppError('FORBIDDEN');
}

function checkYear(year: number) {
  if (year < WORKING_DAYS_MIN_YEAR || year > WORKING_DAYS_MAX_YEAR) {
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { year, min: WORKING_DAYS_MIN_YEAR, max: WORKING_DAYS_MAX_YEAR });
  }
}

function view(s: YearSchedule, origin: ScheduleView['origin'], row?: repo.CalendarYearRow): ScheduleView {
  return {
    year: s.year,
    origin,
    status: s.status,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    daysOff: s.daysOff.map((d) => ({ ...d })),
    workingSaturdays: s.workingSaturdays.map((w) => ({ ...w })),
    sources: [...s.sources],
  };
}

/** The schedule a year uses now, and where it comes from (edited, shipped or provisional). */
export async function readSchedule(db: Db, ctx: Signed, year: number): Promise<ScheduleView> {
  checkEditor(ctx);
  checkYear(year);
  const stored = await repo.getYear(db, year);
  return stored ? view(toSchedule(stored), 'edited', stored) : fallbackView(year);
}

/** The schedule a year uses when it has no edited one: shipped with cchc, or else derived (provisional). */
function fallbackView(year: number): ScheduleView {
  const shipped = shippedSchedules().find((s) => s.year === year);
  return shipped ? view(shipped, 'shipped') : view(deriveProvisionalSchedule(year), 'provisional');
}

/** The schedule in force for the audit log: the edited one, or the one the year falls back to. */
function inForce(year: number, stored: repo.StoredYear | undefined): ScheduleView {
  return stored ? view(toSchedule(stored), 'edited', stored) : fallbackView(year);
}

/** The same days off, working Saturdays (with their names) and sources (in order); both normalised. */
function sameSchedule(a: YearSchedule, b: YearSchedule): boolean {
  const key = (s: YearSchedule) =>
    JSON.stringify([
      s.daysOff.map((d) => [d.date, d.kind, d.name]),
      s.workingSaturdays.map((w) => [w.date, w.name]),
      s.sources,
    ]);
  return key(a) === key(b);
}

/** Replaces a year's schedule (optimistic: `version` of the edited schedule, omitted for the first edit). */
export async function replaceSchedule(db: Db, ctx: Signed, year: number, body: ScheduleInput): Promise<ScheduleView> {
  checkEditor(ctx);
  checkYear(year);
  const { version, ...input } = body;
  // administrator input: the statutory holidays must be days off (stored years are read without this rule)
  const schedule = calendarCall(
    () => validateYearSchedule({ ...input, year, status: 'official' }, { requireStatutoryHolidays: true }),
    ctx.locale,
  );
  const result = await db.transaction(async (tx) => {
    const before = await repo.getYear(tx, year);
    const current = () => (before ? view(toSchedule(before), 'edited', before) : null);
    // saving what is stored already changes nothing: no new version, no audit entry
    if (before && version === before.version && sameSchedule(toSchedule(before), schedule)) return current()!;
    const row =
      before && version !== undefined
        ? await repo.replaceYear(tx, year, version, schedule, ctx.actor.userId, ctx.now)
        : !before && version === undefined
          ? await repo.insertYear(tx, year, schedule, ctx.actor.userId, ctx.now)
          : undefined;
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: current() });
    const after = view(schedule, 'edited', row);
    await audit(tx, ctx, {
      action: before ? 'calendar.year_replace' : 'calendar.year_create',
      targetType: 'calendar_year',
      targetId: String(year),
      // the first edit replaces the shipped or provisional schedule: that one is the "before"
      before: inForce(year, before),
      after,
    });
    return after;
  });
  forgetCalendar(db);
  return result;
}

/** Deletes a year's edited schedule: the year falls back to the shipped or provisional one. */
export async function deleteSchedule(db: Db, ctx: Signed, year: number, version: number): Promise<void> {
  checkEditor(ctx);
  checkYear(year);
  await db.transaction(async (tx) => {
    const before = await repo.getYear(tx, year);
    if (!before) throw new AppError('NOT_FOUND', { what: `edited schedule ${year}` });
    if (!(await repo.deleteYear(tx, year, version))) {
      throw new AppError('VERSION_CONFLICT', {}, { current: view(toSchedule(before), 'edited', before) });
    }
    await audit(tx, ctx, {
      action: 'calendar.year_delete',
      targetType: 'calendar_year',
      targetId: String(year),
      before: view(toSchedule(before), 'edited', before),
      // the year falls back to the shipped or provisional schedule
      after: fallbackView(year),
    });
  });
  forgetCalendar(db);
}

/** Imports every year of a JSON or xlsx file, replacing edited schedules; all or nothing. */
export async function importSchedules(db: Db, ctx: Signed, buf: Buffer, filename: string) {
  checkEditor(ctx);
  const schedules = await readScheduleFile(
    buf,
    filename,
    { min: WORKING_DAYS_MIN_YEAR, max: WORKING_DAYS_MAX_YEAR },
    ctx.locale,
  );
  const years = await db.transaction(async (tx) => {
    const out: { year: number; version: number; unchanged?: true }[] = [];
    for (const s of schedules) {
      const before = await repo.getYear(tx, s.year);
      // a year the file would not change keeps its version and gets no audit entry
      if (before && sameSchedule(toSchedule(before), s)) {
        out.push({ year: s.year, version: before.version, unchanged: true });
        continue;
      }
      const row = before
        ? await repo.replaceYear(tx, s.year, before.version, s, ctx.actor.userId, ctx.now)
        : await repo.insertYear(tx, s.year, s, ctx.actor.userId, ctx.now);
      if (!row) throw new AppError('VERSION_CONFLICT');
      await audit(tx, ctx, {
        action: 'calendar.year_import',
        targetType: 'calendar_year',
        targetId: String(s.year),
        before: inForce(s.year, before),
        after: { ...view(s, 'edited', row), file: filename },
      });
      out.push({ year: s.year, version: row.version });
    }
    return out;
  });
  forgetCalendar(db);
  return { years };
}

/** The schedule a year uses now, for export. */
export async function scheduleForExport(db: Db, ctx: Signed, year: number): Promise<YearSchedule> {
  const v = await readSchedule(db, ctx, year);
  return {
    year: v.year,
    status: v.status,
    daysOff: v.daysOff,
    workingSaturdays: v.workingSaturdays,
    sources: v.sources,
  };
}
