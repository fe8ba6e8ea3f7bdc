import { randomUUID } from 'node:crypto';
import { type AnyColumn, and, inArray, sql } from 'drizzle-orm';
import { addWorkingDaysEpoch, type Calendar, formatDate, hcmDate, hcmEpochDay } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { formatDateVi } from '../../platform/i18n/locale.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { holdersOf } from '../feedback/notify/outbox.ts';
import { units } from '../org/org.table.ts';
import { cachedProcedure } from '../procedures/procedures.service.ts';
import * as repo from './dossiers.repository.ts';
import { dossierDueWarnings, type dossierOutbox, dossiers } from './dossiers.table.ts';

export const DUE_WARNINGS_JOB = 'dossiers-due-warnings';

let nearDays = 1;
/** Working days before a due date at which a dossier is "sắp đến hạn" (DOSSIER_NEAR_DUE_DAYS, default 1). */
export const nearDueDays = () => nearDays;
export function setNearDueDays(n: number) {
  nearDays = n;
}

/** Pure: the last date (Hà Nội) that is within `within` working days of `now`. */
export function nearDueHorizon(cal: Calendar, now: Date, within: number): string {
  return formatDate(addWorkingDaysEpoch(cal, hcmEpochDay(now.getTime()), within));
}

export type WarnLevel = 'step' | 'dossier';
interface Dated {
  dueDate: string | null;
  stepDueDate: string | null;
  finishedAt: Date | null;
  status: string;
}

/**
 * Pure: the deadlines of an open dossier that fall between today and the horizon. A dossier whose
 * clock is stopped (supplement requested) or already past a date is not "near" that date.
 */
export function nearDueLevels(d: Dated, today: string, horizon: string): { level: WarnLevel; due: string }[] {
  if (d.finishedAt || d.status === 'supplement_requested') return [];
  const out: { level: WarnLevel; due: string }[] = [];
  if (d.stepDueDate && d.stepDueDate >= today && d.stepDueDate <= horizon)
    out.push({ level: 'step', due: d.stepDueDate });
  if (d.dueDate && d.dueDate >= today && d.dueDate <= horizon) out.push({ level: 'dossier', due: d.dueDate });
  return out;
}

/** "Sắp đến hạn" for the queue and the detail: either deadline within the configured working days. */
export function isNearDue(cal: Calendar, d: Dated, now: Date, within = nearDays): boolean {
  return nearDueLevels(d, hcmDate(now), nearDueHorizon(cal, now, within)).length > 0;
}

/** SQL: this level's deadline is not near, or was warned about already. */
const done = (level: WarnLevel, col: AnyColumn, today: string, horizon: string) =>
  sql`(${col} is null or ${col} not between ${today} and ${horizon} or exists (select 1 from ${dossierDueWarnings} w
    where w.dossier_id = ${dossiers.id} and w.level = ${level} and w.due_date = ${col}))`;

/** The warning's text (Vietnamese, like every notification). */
export function dueWarningMessage(
  d: { code: string },
  procedureName: string,
  stepName: string,
  unitName: string,
  levels: { level: WarnLevel; due: string }[],
) {
  const what = levels
    .map((l) =>
      l.level === 'step'
        ? `hạn bước "${stepName}" là ${formatDateVi(l.due)}`
        : `hẹn trả kết quả cho người nộp ngày ${formatDateVi(l.due)}`,
    )
    .join('; ');
  const first = levels.map((l) => l.due).sort()[0]!;
  return {
    subject: `[Một cửa] Hồ sơ ${d.code} sắp đến hạn (${formatDateVi(first)})`,
    body: `Nhắc việc: hồ sơ ${d.code} (${procedureName}) đang ở ${unitName} sắp đến hạn: ${what}. Vui lòng xử lý để không bị trễ hạn.`,
  };
}

/**
 * Warns the holders of dossiers near a deadline: for each open dossier whose current step's due
 * date or promised date falls within `within` working days, one warning per level and due date
 * (the primary key of dossier_due_warnings makes a second one impossible, even from two workers),
 * written with one e-mail per holder into the outbox and an audit entry, in one transaction.
 * Holders = the active people with the step's role on the holding unit (or the nearest unit above
 * it with someone in that role).
 */
export async function scanDueWarnings(
  db: Db,
  now: Date,
  within = nearDays,
): Promise<{ warned: number; notified: number }> {
  const cal = await getCalendar(db);
  const today = hcmDate(now);
  const horizon = nearDueHorizon(cal, now, within);
  const ctx: RequestContext = { actor: null, requestId: `job:${DUE_WARNINGS_JOB}`, ip: '', locale: 'vi', now };
  const candidates = await db
    .select()
    .from(dossiers)
    .where(
      and(
        repo.nearDueCondition(today, horizon),
        // only those with a near deadline not warned about yet
        sql`not (${done('step', dossiers.stepDueDate, today, horizon)} and ${done('dossier', dossiers.dueDate, today, horizon)})`,
      ),
    );
  let warned = 0;
  let notified = 0;
  for (const d of candidates) {
    const levels = nearDueLevels(d, today, horizon);
    if (!levels.length) continue;
    const p = await cachedProcedure(db, d.procedureId);
    const step = p.workflow[d.stepIndex] ?? p.workflow[0]!;
    await db.transaction(async (tx) => {
      const holders = (await holdersOf(tx, step.role, d.holderUnitPath)).filter((h) => h.email);
      const fresh = await tx
        .insert(dossierDueWarnings)
        .values(
          levels.map((l) => ({
            dossierId: d.id,
            level: l.level,
            dueDate: l.due,
            stepIndex: d.stepIndex,
            holderUnitId: d.holderUnitId,
            recipients: holders.map((h) => h.userId),
            warnedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ level: dossierDueWarnings.level, dueDate: dossierDueWarnings.dueDate });
      if (!fresh.length) return;
      const news = levels.filter((l) => fresh.some((f) => f.level === l.level && f.dueDate === l.due));
      const [unit] = await tx
        .select({ name: units.name })
        .from(units)
        .where(inArray(units.id, [d.holderUnitId]));
      const m = dueWarningMessage(d, p.name, step.name, unit?.name ?? '', news);
      await repo.insertOutbox(
        tx,
        holders.map((h) => ({
          dossierId: d.id,
          eventId: randomUUID(),
          channel: 'email',
          recipient: h.email!,
          subject: m.subject,
          body: m.body,
        })) satisfies (typeof dossierOutbox.$inferInsert)[],
      );
      await audit(tx, ctx, {
        action: 'dossier.due_warning',
        targetType: 'dossier',
        targetId: d.id,
        unitId: d.holderUnitId,
        after: { levels: news, recipients: holders.map((h) => h.userId) },
      });
      warned += news.length;
      notified += holders.length;
    });
  }
  return { warned, notified };
}
