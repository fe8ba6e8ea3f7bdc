import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addWorkingDays, countWorkingDays, hcmDate } from '../../../calendar/index.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/http/types.ts';
import { processOutbox } from '../../dossiers/notify/outbox.ts';
import { transportsFor } from '../../dossiers/notify/transports.ts';
import { users } from '../../org/org.table.ts';
import { feedbackCalendar } from '../feedback.reference.ts';
import * as repo from '../feedback.repository.ts';
import { type StaffNews, type StaffRecipient, staffNotifications } from '../notify/messages.ts';
import { holdersOf, insertOutbox } from '../notify/outbox.ts';

export const FEEDBACK_DEADLINE_JOB = 'feedback-deadlines';
export const FEEDBACK_OUTBOX_JOB = 'feedback-outbox';
/** Working days left at which an item is flagged "near its deadline". */
export const NEAR_DAYS = 2;
/** Working days overdue after which the leader is told as well as the head. */
export const LEADER_AFTER_DAYS = 3;

export interface DeadlineState {
  deadlineState: 'ok' | 'near' | 'overdue';
  escalationLevel: number;
}

/** Pure: the state of an item on `today` given its due date (and the escalation so far, which never goes down). */
export function deadlineState(
  cal: Parameters<typeof addWorkingDays>[0],
  today: string,
  due: string,
  level: number,
): DeadlineState {
  if (today > due) {
    const late = countWorkingDays(cal, due, today).count;
    return { deadlineState: 'overdue', escalationLevel: Math.max(level, late >= LEADER_AFTER_DAYS ? 2 : 1) };
  }
  const near = addWorkingDays(cal, today, NEAR_DAYS).date >= due;
  return { deadlineState: near ? 'near' : 'ok', escalationLevel: level };
}

/**
 * Marks open items near or over their deadline (answer; publication once sent) and escalates
 * overdue ones: first to the head of the responsible unit, then to the leader. Each change is one
 * transaction with a timeline event, the outbox messages (a warning to the assignee — or the head —
 * when the deadline is near; the escalation to the head, then the leader, by e-mail and SMS) and an
 * audit entry. Idempotent: a run that changes nothing writes nothing.
 */
export async function scanDeadlines(db: Db, now: Date): Promise<{ changed: number; escalated: number }> {
  const cal = await feedbackCalendar(db);
  const today = hcmDate(now);
  const ctx: RequestContext = { actor: null, requestId: `job:${FEEDBACK_DEADLINE_JOB}`, ip: '', locale: 'vi', now };
  let changed = 0;
  let escalated = 0;
  for (const it of await repo.openForDeadlines(db)) {
    const due = it.status === 'sent' ? it.publishDue : it.answerDue;
    if (!due) continue;
    const next = deadlineState(cal, today, due, it.escalationLevel);
    if (next.deadlineState === it.deadlineState && next.escalationLevel === it.escalationLevel) continue;
    await db.transaction(async (tx) => {
      const after = await repo.updateItem(tx, it.id, it.version, next);
      if (!after) return; // changed meanwhile; the next run looks again
      changed++;
      const up = next.escalationLevel > it.escalationLevel;
      if (up) escalated++;
      const to = next.escalationLevel === 2 ? 'leader' : 'unit_head';
      const eventId = randomUUID();
      await repo.insertEvent(tx, {
        id: eventId,
        itemId: it.id,
        at: now,
        action: up ? 'escalate' : `deadline_${next.deadlineState}`,
        fromStatus: it.status,
        toStatus: it.status,
        actorName: 'Hệ thống',
        note: up
          ? `Quá hạn ${due}: báo ${to === 'leader' ? 'Lãnh đạo UBND' : 'Trưởng đơn vị'}`
          : next.deadlineState === 'near'
            ? `Sắp đến hạn ${due}`
            : null,
        data: { due, ...next, notify: up ? to : null },
      });
      const news: StaffNews | null = up
        ? to === 'leader'
          ? 'escalate_leader'
          : 'escalate_head'
        : next.deadlineState === 'near'
          ? 'near'
          : null;
      let recipients: StaffRecipient[] = [];
      if (news === 'near') recipients = await nearRecipients(tx, it);
      else if (news) {
        recipients = await holdersOf(tx, to, it.responsibleUnitPath);
        // straight to the leader (several days late at once): the head is told as well
        if (to === 'leader' && it.escalationLevel < 1)
          recipients = [...(await holdersOf(tx, 'unit_head', it.responsibleUnitPath)), ...recipients];
      }
      if (news) await insertOutbox(tx, staffNotifications(it, eventId, news, due, recipients));
      await audit(tx, ctx, {
        action: up ? 'feedback.escalate' : 'feedback.deadline',
        targetType: 'feedback',
        targetId: it.id,
        unitId: it.responsibleUnitId,
        before: { deadlineState: it.deadlineState, escalationLevel: it.escalationLevel },
        after: { ...next, due, notify: up ? to : null, notified: recipients.map((r) => r.userId) },
      });
    });
  }
  return { changed, escalated };
}

/** Who is warned before a deadline: the assignee when there is one, else the heads of the unit. */
async function nearRecipients(tx: Parameters<typeof holdersOf>[0], it: repo.ItemRow): Promise<StaffRecipient[]> {
  if (it.assigneeUserId) {
    const [u] = await tx
      .select({ userId: users.id, fullName: users.fullName, email: users.email, phone: users.phone })
      .from(users)
      .where(eq(users.id, it.assigneeUserId));
    if (u) return [u];
  }
  return holdersOf(tx, 'unit_head', it.responsibleUnitPath);
}

export function registerFeedbackJobs(deps: Deps) {
  // SMTP / SMS gateway as configured (SMTP_HOST, SMS_GATEWAY_URL); logging otherwise
  const transports = transportsFor(deps.config);
  deps.jobs.register({
    name: FEEDBACK_OUTBOX_JOB,
    cron: '* * * * *',
    handler: async () => void (await processOutbox(deps.database.db, transports, { table: 'feedback_outbox' })),
  });
  deps.jobs.register({
    name: FEEDBACK_DEADLINE_JOB,
    cron: '*/15 * * * *',
    handler: async () => void (await scanDeadlines(deps.database.db, new Date())),
  });
}
