import { eq, sql } from 'drizzle-orm';
import { hcmDate, isPromiseOnDayOff, isProvisionalPromise } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { redactPersonal } from './domain/normalise.ts';
import { isOpen } from './domain/workflow.ts';
import * as policy from './feedback.policy.ts';
import { cachedUnit, feedbackCalendar, forgetReference, reference } from './feedback.reference.ts';
import * as repo from './feedback.repository.ts';
import type { InboxFilter, PublicFilter } from './feedback.schemas.ts';
import { readableItem, similarOpen } from './feedback.service.ts';
import { feedbackCategories, feedbackItems, feedbackRoutingRules } from './feedback.table.ts';

type Signed = RequestContext & { actor: Actor };

async function unitNames(db: DbOrTx, ids: string[]) {
  const rows = await Promise.all([...new Set(ids)].map((id) => cachedUnit(db, id)));
  return new Map(rows.filter((u) => !!u).map((u) => [u.id, u.name]));
}

/** What staff see: everything, personal data included. */
export function staffView(i: repo.ItemRow, names: Map<string, string>) {
  return {
    id: i.id,
    code: i.code,
    status: i.status,
    channel: i.channel,
    categoryCode: i.categoryCode,
    title: i.title,
    content: i.content,
    areaUnitId: i.areaUnitId,
    areaName: names.get(i.areaUnitId) ?? null,
    address: i.address,
    lat: i.lat,
    long: i.long,
    dossierCode: i.dossierCode,
    reporter: { name: i.reporterName, address: i.reporterAddress, phone: i.reporterPhone, email: i.reporterEmail },
    responsibleUnitId: i.responsibleUnitId,
    responsibleUnitName: names.get(i.responsibleUnitId) ?? null,
    headAnswers: i.headAnswers,
    assigneeUserId: i.assigneeUserId,
    receivedAt: i.receivedAt.toISOString(),
    effectiveReceiptDate: i.effectiveReceiptDate,
    rejectDue: i.rejectDue,
    infoDue: i.infoDue,
    answerDue: i.answerDue,
    publishDue: i.publishDue,
    infoRequest: i.infoRequest,
    infoReply: i.infoReply,
    rejectReason: i.rejectReason,
    answerText: i.answerText,
    answerApprovedByName: i.answerApprovedByName,
    sentAt: i.sentAt?.toISOString() ?? null,
    onTime: i.onTime,
    publishedAt: i.publishedAt?.toISOString() ?? null,
    rating: i.rating,
    reopenCount: i.reopenCount,
    duplicateOfId: i.duplicateOfId,
    deadlineState: i.deadlineState,
    escalationLevel: i.escalationLevel,
    version: i.version,
  };
}
export type StaffView = ReturnType<typeof staffView>;

/** What anyone sees of a published item: no name, address, phone or e-mail of the sender. */
export function publicView(i: repo.ItemRow, names: Map<string, string>) {
  const who = { name: i.reporterName, address: i.reporterAddress };
  return {
    code: i.code,
    status: i.status,
    categoryCode: i.categoryCode,
    title: redactPersonal(i.title, who),
    content: redactPersonal(i.content, who),
    areaUnitId: i.areaUnitId,
    areaName: names.get(i.areaUnitId) ?? null,
    address: i.address,
    responsibleUnitName: names.get(i.responsibleUnitId) ?? null,
    receivedAt: i.receivedAt.toISOString(),
    answerText: i.answerText ? redactPersonal(i.answerText, who) : null,
    answeredBy: i.answerApprovedByName,
    sentAt: i.sentAt?.toISOString() ?? null,
    publishedAt: i.publishedAt?.toISOString() ?? null,
    rating: i.rating,
  };
}
export type PublicView = ReturnType<typeof publicView>;

export async function inbox(db: Db, ctx: Signed, f: InboxFilter) {
  const roots = policy.inboxScope(ctx.actor);
  if (!roots.length) throw new AppError('FORBIDDEN');
  const { total, rows } = await repo.listInbox(db, {
    roots,
    ...f,
    statuses: f.status?.split(',').filter(Boolean),
    limit: f.limit ?? 50,
    offset: f.offset ?? 0,
  });
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.areaUnitId, r.responsibleUnitId]),
  );
  return { total, items: rows.map((r) => staffView(r, names)) };
}

export async function detail(db: Db, ctx: Signed, id: string) {
  const it = await readableItem(db, ctx.actor, id);
  const [events, attachments, dups, similar, names, cal] = await Promise.all([
    repo.eventsOf(db, id),
    repo.attachmentsOf(db, id),
    repo.duplicatesOf(db, id),
    isOpen(it.status) && !it.duplicateOfId ? similarOpen(db, it) : Promise.resolve([]),
    unitNames(db, [it.areaUnitId, it.responsibleUnitId]),
    feedbackCalendar(db),
  ]);
  const primary = it.duplicateOfId ? await repo.getItem(db, it.duplicateOfId) : undefined;
  return {
    ...staffView(it, names),
    answerDueProvisional: isProvisionalPromise(cal, it.receivedAt, it.answerDue),
    answerDueOnDayOff: isPromiseOnDayOff(cal, it.answerDue, isOpen(it.status)),
    duplicateOfCode: primary?.code ?? null,
    duplicates: dups.map((d) => ({ id: d.id, code: d.code, status: d.status })),
    similar,
    attachments,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      note: e.note,
    })),
  };
}

export async function attachment(db: Db, ctx: Signed, id: string, attId: string) {
  await readableItem(db, ctx.actor, id);
  const a = await repo.getAttachment(db, id, attId);
  if (!a) throw new AppError('NOT_FOUND', { what: 'attachment' });
  return a;
}

export async function publicSearch(db: Db, f: PublicFilter) {
  const { total, rows } = await repo.searchPublished(db, { ...f, limit: f.limit ?? 20, offset: f.offset ?? 0 });
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.areaUnitId, r.responsibleUnitId]),
  );
  return { total, items: rows.map((r) => publicView(r, names)) };
}

export async function publicItem(db: Db, code: string) {
  const it = await repo.getItemByCode(db, code);
  if (!it?.publishedAt) throw new AppError('NOT_FOUND', { what: 'feedback' });
  return publicView(it, await unitNames(db, [it.areaUnitId, it.responsibleUnitId]));
}

/**
 * The citizen's own view (code + tracking key): the public view plus what is asked of them, what
 * they answered, and until when an unsatisfied answer can be reopened. The timeline shows what
 * happened, never who on the staff did it (the approving head is on the answer).
 */
export async function trackingView(db: DbOrTx, it: repo.ItemRow) {
  const names = await unitNames(db, [it.areaUnitId, it.responsibleUnitId]);
  const [events, ref, cal] = await Promise.all([repo.eventsOf(db, it.id), reference(db), feedbackCalendar(db)]);
  const reopenDays = ref.categories.get(it.categoryCode)?.reopenDays ?? 10;
  return {
    ...publicView(it, names),
    // the citizen sees their own text as written (redaction is for the public page)
    title: it.title,
    content: it.content,
    answerDue: it.answerDue,
    answerDueProvisional: isProvisionalPromise(cal, it.receivedAt, it.answerDue),
    infoRequest: it.infoRequest,
    infoReply: it.infoReply,
    rejectReason: it.rejectReason,
    reopenCount: it.reopenCount,
    reopenUntil: it.sentAt ? new Date(it.sentAt.getTime() + reopenDays * 86_400_000).toISOString() : null,
    events: events
      .filter((e) => !e.action.startsWith('deadline_') && e.action !== 'escalate')
      .map((e) => ({ at: e.at.toISOString(), action: e.action, toStatus: e.toStatus })),
  };
}
export type TrackingView = Awaited<ReturnType<typeof trackingView>>;

// ── reference data: categories, areas, routing rules ───────────────────────

export async function categories(db: Db) {
  return (await repo.listCategories(db)).map((c) => ({ ...c, attributes: c.attributes as unknown[] }));
}

export const areas = (db: Db) => repo.listAreas(db);

export async function createCategory(db: Db, ctx: Signed, b: typeof feedbackCategories.$inferInsert) {
  if (!policy.canConfigure(ctx.actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    if (await repo.getCategory(tx, b.code)) throw new AppError('CONFLICT', { detail: `category ${b.code}` });
    const [row] = await tx.insert(feedbackCategories).values(b).returning();
    await audit(tx, ctx, {
      action: 'feedback.category.create',
      targetType: 'feedback_category',
      targetId: b.code,
      after: row,
    });
    forgetReference(db);
    return row!;
  });
}

export async function updateCategory(
  db: Db,
  ctx: Signed,
  code: string,
  b: Partial<typeof feedbackCategories.$inferInsert> & { version: number },
) {
  if (!policy.canConfigure(ctx.actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await repo.getCategory(tx, code);
    if (!before) throw new AppError('NOT_FOUND', { what: 'category' });
    const { version, ...set } = b;
    const [row] = await tx
      .update(feedbackCategories)
      .set({ ...set, version: sql`${feedbackCategories.version} + 1` })
      .where(sql`${feedbackCategories.code} = ${code} and ${feedbackCategories.version} = ${version}`)
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: before });
    await audit(tx, ctx, {
      action: 'feedback.category.update',
      targetType: 'feedback_category',
      targetId: code,
      before,
      after: row,
    });
    forgetReference(db);
    return row;
  });
}

export async function rules(db: Db, ctx: Signed) {
  if (!policy.canConfigure(ctx.actor) && !policy.inboxScope(ctx.actor).length) throw new AppError('FORBIDDEN');
  const rows = await repo.listRules(db);
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.rule.responsibleUnitId, ...(r.rule.areaUnitId ? [r.rule.areaUnitId] : [])]),
  );
  return rows.map(({ rule }) => ({
    ...rule,
    createdAt: rule.createdAt.toISOString(),
    areaName: rule.areaUnitId ? (names.get(rule.areaUnitId) ?? null) : null,
    responsibleUnitName: names.get(rule.responsibleUnitId) ?? null,
  }));
}

export async function createRule(
  db: Db,
  ctx: Signed,
  b: {
    categoryCode: string | null;
    areaUnitId: string | null;
    responsibleUnitId: string;
    headAnswers?: boolean | null;
    note?: string;
  },
) {
  if (!policy.canConfigure(ctx.actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    if (b.categoryCode && !(await repo.getCategory(tx, b.categoryCode)))
      throw new AppError('FEEDBACK_CATEGORY_UNKNOWN', { code: b.categoryCode });
    await checkRuleUnits(tx, b.responsibleUnitId, b.areaUnitId);
    const same = (await repo.listRules(tx)).find(
      ({ rule }) => rule.categoryCode === b.categoryCode && rule.areaUnitId === b.areaUnitId,
    );
    if (same) throw new AppError('FEEDBACK_RULE_DUPLICATE', { id: same.rule.id });
    const [row] = await tx
      .insert(feedbackRoutingRules)
      .values({ ...b, headAnswers: b.headAnswers ?? null, note: b.note ?? null })
      .returning();
    await audit(tx, ctx, {
      action: 'feedback.rule.create',
      targetType: 'feedback_rule',
      targetId: row!.id,
      unitId: b.responsibleUnitId,
      after: row,
    });
    forgetReference(db);
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
}

/** Units of a rule exist and are open (a closed unit answers no one). */
async function checkRuleUnits(tx: DbOrTx, responsibleUnitId: string, areaUnitId: string | null) {
  for (const uid of [responsibleUnitId, areaUnitId]) {
    if (!uid) continue;
    const u = await repo.getUnitRow(tx, uid);
    if (!u) throw new AppError('NOT_FOUND', { what: 'unit' });
    if (u.validTo) throw new AppError('FEEDBACK_UNIT_CLOSED', { name: u.name });
  }
}

/** Changes a rule's responsible unit, "head answers" override or note (optimistic version). */
export async function updateRule(
  db: Db,
  ctx: Signed,
  id: string,
  b: { responsibleUnitId?: string; headAnswers?: boolean | null; note?: string; version: number },
) {
  if (!policy.canConfigure(ctx.actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(feedbackRoutingRules).where(eq(feedbackRoutingRules.id, id));
    if (!before) throw new AppError('NOT_FOUND', { what: 'rule' });
    if (b.responsibleUnitId) await checkRuleUnits(tx, b.responsibleUnitId, null);
    const { version, ...set } = b;
    const [row] = await tx
      .update(feedbackRoutingRules)
      .set({ ...set, version: sql`${feedbackRoutingRules.version} + 1` })
      .where(sql`${feedbackRoutingRules.id} = ${id} and ${feedbackRoutingRules.version} = ${version}`)
      .returning();
    if (!row)
      throw new AppError('VERSION_CONFLICT', {}, { current: { ...before, createdAt: before.createdAt.toISOString() } });
    await audit(tx, ctx, {
      action: 'feedback.rule.update',
      targetType: 'feedback_rule',
      targetId: id,
      unitId: row.responsibleUnitId,
      before,
      after: row,
    });
    forgetReference(db);
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

export async function deleteRule(db: Db, ctx: Signed, id: string) {
  if (!policy.canConfigure(ctx.actor)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(feedbackRoutingRules).where(eq(feedbackRoutingRules.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND', { what: 'rule' });
    await audit(tx, ctx, {
      action: 'feedback.rule.delete',
      targetType: 'feedback_rule',
      targetId: id,
      unitId: row.responsibleUnitId,
      before: row,
    });
    forgetReference(db);
  });
}

// ── statistics ──────────────────────────────────────────────────────────────

const GROUPS = {
  category: sql`${feedbackItems.categoryCode}`,
  unit: sql`${feedbackItems.responsibleUnitId}::text`,
  channel: sql`${feedbackItems.channel}`,
  month: sql`to_char((${feedbackItems.receivedAt} at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`,
} as const;

/**
 * Received, answered, on time, overdue, average answer time (calendar days) and satisfaction
 * (QĐ 766 5.3: total minus unsatisfied, reopened and overdue, over total) per group.
 */
export async function stats(db: Db, ctx: Signed, q: { from: string; to: string; groupBy: keyof typeof GROUPS }) {
  const roots = policy.statsScope(ctx.actor);
  if (!roots.length) throw new AppError('FORBIDDEN');
  const key = GROUPS[q.groupBy];
  const today = hcmDate(Date.now());
  const scope = sql.join(
    roots.map((r) => sql`${feedbackItems.responsibleUnitPath} like ${`${r}%`}`),
    sql` or `,
  );
  const overdue = sql`(${feedbackItems.onTime} = false or (${feedbackItems.sentAt} is null and ${feedbackItems.status} <> 'rejected' and ${feedbackItems.answerDue} < ${today}::date))`;
  const rows = await db
    .select({
      key: sql<string>`${key}`,
      received: sql<number>`count(*)::int`,
      rejected: sql<number>`count(*) filter (where ${feedbackItems.status} = 'rejected')::int`,
      answered: sql<number>`count(${feedbackItems.sentAt})::int`,
      onTime: sql<number>`count(*) filter (where ${feedbackItems.sentAt} is not null and ${feedbackItems.onTime})::int`,
      overdue: sql<number>`count(*) filter (where ${overdue})::int`,
      avgDays: sql<
        number | null
      >`round((avg(extract(epoch from ${feedbackItems.sentAt} - ${feedbackItems.receivedAt})) / 86400)::numeric, 2)::float8`,
      rated: sql<number>`count(${feedbackItems.rating})::int`,
      satisfied: sql<number>`count(*) filter (where ${feedbackItems.rating} = 'satisfied')::int`,
      dissatisfied: sql<number>`count(*) filter (where ${feedbackItems.rating} = 'unsatisfied' or ${feedbackItems.reopenCount} > 0 or ${overdue})::int`,
    })
    .from(feedbackItems)
    .where(
      sql`(${scope}) and ${feedbackItems.receivedAt} >= ${repo.dayStart(q.from)} and ${feedbackItems.receivedAt} < ${repo.dayAfter(q.to)}`,
    )
    .groupBy(key)
    .orderBy(key);
  const labels =
    q.groupBy === 'unit'
      ? await unitNames(
          db,
          rows.map((r) => r.key),
        )
      : q.groupBy === 'category'
        ? new Map(
            [...(await reference(db)).categories.values()].map((c) => [
              c.code,
              ctx.locale === 'en' ? c.nameEn : c.name,
            ]),
          )
        : new Map<string, string>();
  const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : null);
  const out = rows.map((r) => ({
    ...r,
    label: labels.get(r.key) ?? r.key,
    onTimeRate: rate(r.onTime, r.answered + (r.overdue - (r.answered - r.onTime))),
    satisfactionRate: rate(r.received - r.dissatisfied, r.received),
  }));
  const sum = (
    k: 'received' | 'rejected' | 'answered' | 'onTime' | 'overdue' | 'rated' | 'satisfied' | 'dissatisfied',
  ) => out.reduce((s, r) => s + r[k], 0);
  const t = {
    received: sum('received'),
    rejected: sum('rejected'),
    answered: sum('answered'),
    onTime: sum('onTime'),
    overdue: sum('overdue'),
    rated: sum('rated'),
    satisfied: sum('satisfied'),
    dissatisfied: sum('dissatisfied'),
  };
  const weighted = out.reduce((s, r) => s + (r.avgDays ?? 0) * r.answered, 0);
  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    rows: out,
    total: {
      ...t,
      avgDays: t.answered ? Math.round((weighted / t.answered) * 100) / 100 : null,
      onTimeRate: rate(t.onTime, t.answered + (t.overdue - (t.answered - t.onTime))),
      satisfactionRate: rate(t.received - t.dissatisfied, t.received),
    },
  };
}
