import './feedback.errors.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hcmDate } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit, auditValues } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { deadlinesFor, dueFrom, onTime } from './domain/deadlines.ts';
import { sniffImage } from './domain/image.ts';
import { normaliseSearch, similarity, trigrams } from './domain/normalise.ts';
import { canStart, isOpen, type StaffAction, TO } from './domain/workflow.ts';
import * as policy from './feedback.policy.ts';
import { cachedUnit, feedbackCalendar, reference, resolveRoute } from './feedback.reference.ts';
import * as repo from './feedback.repository.ts';
import type { ActionInput, IntakeInput } from './feedback.schemas.ts';
import { type CitizenNews, citizenNotifications } from './notify/messages.ts';
import { insertOutbox } from './notify/outbox.ts';

type Signed = RequestContext & { actor: Actor };
export type Channel = 'web' | 'hotline' | 'counter' | 'letter' | 'email' | 'open311';

export interface Photo {
  filename: string;
  bytes: Buffer;
}

export const LIMITS = {
  maxPhotos: 5,
  /** items per contact (phone or e-mail) per window */
  perContact: 10,
  perContactWindowMs: 60 * 60 * 1000,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Per-contact intake counts (this process). The per-IP limit is @fastify/rate-limit on the route.
const contactHits = new Map<string, number[]>();
/**
 * Takes one of the contact's intakes in the window: a function that gives it back (an idempotent
 * replay is not a new intake), or the seconds to wait when the limit is reached. Taken before the
 * insert and synchronously, so concurrent requests cannot overrun the limit.
 */
function takeContactSlot(contact: string, now: number): (() => void) | number {
  const since = now - LIMITS.perContactWindowMs;
  const hits = (contactHits.get(contact) ?? []).filter((t) => t > since);
  if (hits.length >= LIMITS.perContact) return Math.ceil((hits[0]! + LIMITS.perContactWindowMs - now) / 1000);
  hits.push(now);
  contactHits.set(contact, hits);
  if (contactHits.size > 100_000) contactHits.clear();
  return () => {
    const h = contactHits.get(contact);
    const i = h ? h.lastIndexOf(now) : -1;
    if (i >= 0) h!.splice(i, 1);
  };
}

function normaliseContact(i: IntakeInput) {
  const phone = i.reporterPhone?.replace(/[\s.()-]/g, '') || null;
  const email = i.reporterEmail?.trim().toLowerCase() || null;
  const missing: string[] = [];
  if (!i.reporterName?.trim()) missing.push('reporterName');
  if (!i.reporterAddress?.trim()) missing.push('reporterAddress');
  if (!phone && !email) missing.push('reporterPhone|reporterEmail');
  if (phone && !/^(\+84|0)\d{8,10}$/.test(phone)) missing.push('reporterPhone (invalid)');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) missing.push('reporterEmail (invalid)');
  if (missing.length) throw new AppError('FEEDBACK_IDENTITY_REQUIRED', { detail: missing.join(', ') }, { missing });
  return { phone, email, name: i.reporterName!.trim(), address: i.reporterAddress!.trim() };
}

function checkLocation(lat: number | undefined, long: number | undefined) {
  if (lat === undefined && long === undefined) return;
  if (lat === undefined || long === undefined)
    throw new AppError('FEEDBACK_LOCATION_INVALID', { detail: 'lat and long go together' });
  if (!Number.isFinite(lat) || !Number.isFinite(long) || lat < -90 || lat > 90 || long < -180 || long > 180) {
    throw new AppError('FEEDBACK_LOCATION_INVALID', { detail: `${lat}, ${long}` });
  }
  // Việt Nam's bounding box (mainland and islands)
  if (lat < 8 || lat > 23.5 || long < 102 || long > 117.5)
    throw new AppError('FEEDBACK_LOCATION_INVALID', { detail: `${lat}, ${long} is outside Việt Nam` });
}

export function searchTextOf(i: {
  title: string;
  content: string;
  address: string;
  areaName?: string;
  answer?: string | null;
  code?: string;
}) {
  return normaliseSearch([i.code, i.title, i.content, i.address, i.areaName, i.answer].filter(Boolean).join(' '));
}

export interface IntakeResult {
  item: repo.ItemRow;
  trackingKey: string;
  replay: boolean;
  similar: { id: string; code: string; title: string; status: string; score: number }[];
}

/**
 * Receives one item (public web, staff intake, Open311): checks identity, place, category and
 * photos, routes it, computes its deadlines, and writes item + event + audit + photos in one
 * transaction. The same idempotency key (per contact) always answers with the same item.
 */
export async function receive(
  db: Db,
  ctx: RequestContext,
  input: IntakeInput,
  o: {
    channel: Channel;
    receivedAt?: Date;
    photos?: Photo[];
    idempotencyKey?: string;
    rateLimit?: boolean;
    /** rank similar open items for the answer (staff intake); the public is never shown other people's open items */
    suggest?: boolean;
  },
): Promise<IntakeResult> {
  const who = normaliseContact(input);
  checkLocation(input.lat, input.long);
  const ref = await reference(db);
  const category = ref.categories.get(input.categoryCode);
  if (!category?.active) throw new AppError('FEEDBACK_CATEGORY_UNKNOWN', { code: input.categoryCode });
  const area = await cachedUnit(db, input.areaUnitId);
  if (!area || area.validTo || !['ward', 'commune'].includes(area.kind))
    throw new AppError('FEEDBACK_AREA_UNKNOWN', { id: input.areaUnitId });
  const photos = (o.photos ?? []).map((p) => {
    const mime = sniffImage(p.bytes);
    if (!mime) throw new AppError('FEEDBACK_NOT_IMAGE', { filename: p.filename.slice(0, 100) });
    return { ...p, mime };
  });
  if (photos.length > LIMITS.maxPhotos) throw new AppError('FEEDBACK_TOO_MANY_PHOTOS', { max: LIMITS.maxPhotos });

  const contact = who.phone ?? who.email!;
  const scopedKey = o.idempotencyKey ? `${sha256(contact).slice(0, 16)}:${o.idempotencyKey}` : null;
  const trackingKey = scopedKey ? sha256(`track:${scopedKey}`).slice(0, 24) : randomBytes(12).toString('base64url');
  // An Idempotency-Key is checked by the insert itself (nothing written on a replay), so a new
  // item costs no look-up first; only a contact at its limit looks for an earlier request.
  let giveBack = () => {};
  if (o.rateLimit !== false) {
    const slot = takeContactSlot(contact, ctx.now.getTime());
    if (typeof slot === 'number') {
      const prior = scopedKey ? await repo.getItemByIdempotencyKey(db, scopedKey) : undefined;
      if (prior) return { item: prior, trackingKey, replay: true, similar: [] };
      throw new AppError('FEEDBACK_CONTACT_RATE_LIMITED', { retryAfter: slot });
    }
    giveBack = slot;
  }

  const route = resolveRoute(ref.rules, category, area.path);
  if (!route) throw new AppError('FEEDBACK_NO_ROUTE', { category: category.code });
  const unit = await cachedUnit(db, route.responsibleUnitId);
  if (!unit) throw new AppError('FEEDBACK_NO_ROUTE', { category: category.code });
  const receivedAt = o.receivedAt ?? ctx.now;
  const d = deadlinesFor(await feedbackCalendar(db), receivedAt, category);
  const id = randomUUID();

  const values: repo.NewItem = {
    id,
    idempotencyKey: scopedKey,
    categoryCode: category.code,
    channel: o.channel,
    status: 'received',
    title: input.title.trim(),
    content: input.content,
    searchText: searchTextOf({
      title: input.title,
      content: input.content,
      address: input.address,
      areaName: area.name,
    }),
    areaUnitId: area.id,
    address: input.address.trim(),
    lat: input.lat ?? null,
    long: input.long ?? null,
    dossierCode: input.dossierCode?.trim() || null,
    reporterName: who.name,
    reporterAddress: who.address,
    reporterPhone: who.phone,
    reporterEmail: who.email,
    reporterUserId: ctx.actor && !policy.canIntake(ctx.actor) ? ctx.actor.userId : null,
    trackingHash: sha256(trackingKey),
    responsibleUnitId: unit.id,
    responsibleUnitPath: unit.path,
    headAnswers: route.headAnswers,
    receivedAt,
    ...d,
  };
  const eventId = randomUUID();
  const event = {
    id: eventId,
    at: ctx.now,
    action: 'receive',
    toStatus: 'received',
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.fullName ?? null,
    note: null,
    data: { channel: o.channel, unitId: unit.id, ruleId: route.ruleId },
  };
  // the code is allocated by the statement and added to `after` there
  const auditRow = auditValues(ctx, {
    action: 'feedback.receive',
    targetType: 'feedback',
    targetId: id,
    unitId: unit.id,
    after: {
      channel: o.channel,
      category: category.code,
      unitId: unit.id,
      answerDue: d.answerDue,
      photos: photos.length,
    },
  });
  const year = Number(hcmDate(receivedAt).slice(0, 4));
  // the acknowledgement by SMS / e-mail, written by the same statement (the code is known there)
  const MARK = '\u0000';
  const split = (x: string): [string, string] => {
    const [a, ...b] = x.split(MARK);
    return [a!, b.join(MARK)];
  };
  const ack = citizenNotifications(
    { id, code: MARK, title: values.title, answerDue: d.answerDue, reporterPhone: who.phone, reporterEmail: who.email },
    eventId,
    'receive',
  ).map((m) => ({ channel: m.channel, recipient: m.recipient, subject: split(m.subject), body: split(m.body) }));
  // Without photos the item, its event and its audit entry are one statement (one round trip, its
  // own transaction); photos join them in a transaction.
  const result = photos.length
    ? await db.transaction(async (tx) => {
        const r = await repo.insertReceivedItem(tx, values, year, event, auditRow, ack);
        if (!r) return undefined;
        await repo.insertAttachments(
          tx,
          photos.map((p) => ({
            itemId: id,
            filename: p.filename.slice(0, 200),
            mime: p.mime,
            size: p.bytes.length,
            sha256: createHash('sha256').update(p.bytes).digest('hex'),
            bytes: p.bytes,
          })),
        );
        return r;
      })
    : await repo.insertReceivedItem(db, values, year, event, auditRow, ack);
  if (!result) {
    // the idempotency key is taken: a replay (or a concurrent twin), answered with the first item
    giveBack();
    const prior = await repo.getItemByIdempotencyKey(db, scopedKey!);
    return { item: prior!, trackingKey, replay: true, similar: [] };
  }
  return {
    item: result.item,
    trackingKey,
    replay: false,
    similar: o.suggest === false ? [] : await rankSimilar(db, result.item, result.candidates),
  };
}

// Trigram sets of open items, by id: every intake compares itself with the newest open items of
// its ward and category, which are mostly the same from one intake to the next (and mostly
// received by this process, which keeps each new item's set).
const trigramCache = new Map<string, Int32Array>();
const textTrigrams = (c: { title: string; content: string }) => trigrams(`${c.title} ${c.content.slice(0, 600)}`);
/** Empties the cache (tests: candidates then look like items received by another process). */
export const forgetTrigrams = () => trigramCache.clear();
function remember(id: string, t: Int32Array) {
  if (trigramCache.size > 20_000) trigramCache.clear();
  trigramCache.set(id, t);
}

/** Open items of the same ward and category whose text is similar (duplicate suggestions). */
export async function similarOpen(
  db: DbOrTx,
  item: { id?: string; areaUnitId: string; categoryCode: string; title: string; content: string },
  min = 0.25,
) {
  return rankSimilar(db, item, await repo.openInAreaCategory(db, item.areaUnitId, item.categoryCode, item.id), min);
}

/**
 * Scores candidates against the item (the beginning of a text says what it is about; comparing
 * only that keeps intake fast). Candidates without their text are compared by their cached
 * trigram set; texts not seen yet are read in one query.
 */
async function rankSimilar(
  db: DbOrTx,
  item: { id?: string; title: string; content: string },
  cands: { id: string; code: string; title: string; status: string; content?: string }[],
  min = 0.25,
) {
  const mine = textTrigrams(item);
  if (item.id) remember(item.id, mine);
  if (!cands.length) return [];
  const sets = new Map<string, Int32Array>();
  const unseen: string[] = [];
  for (const c of cands) {
    const t =
      trigramCache.get(c.id) ??
      (c.content !== undefined ? textTrigrams({ title: c.title, content: c.content }) : undefined);
    if (t) sets.set(c.id, t);
    else unseen.push(c.id);
  }
  if (unseen.length) for (const t of await repo.textsOf(db, unseen)) sets.set(t.id, textTrigrams(t));
  for (const [id, t] of sets) if (!trigramCache.has(id)) remember(id, t);
  return cands
    .map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      score: Math.round(similarity(mine, sets.get(c.id) ?? new Int32Array(0)) * 100) / 100,
    }))
    .filter((c) => c.score >= min)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

// ── staff actions ───────────────────────────────────────────────────────────

/** A readable item or NOT_FOUND (an item outside the actor's units looks like a missing one). */
export async function readableItem(db: DbOrTx, actor: Actor, id: string) {
  const it = await repo.getItem(db, id);
  if (!it || !policy.canRead(actor, it.responsibleUnitPath)) throw new AppError('NOT_FOUND', { what: 'feedback' });
  return it;
}

const snapshot = (i: repo.ItemRow) => ({
  code: i.code,
  status: i.status,
  categoryCode: i.categoryCode,
  responsibleUnitId: i.responsibleUnitId,
  assigneeUserId: i.assigneeUserId,
  answerDue: i.answerDue,
  duplicateOfId: i.duplicateOfId,
  version: i.version,
});

function need(cond: unknown, code: string, params: Record<string, unknown> = {}): asserts cond {
  if (!cond) throw new AppError(code, params);
}

/** Applies one staff action to an item: state machine + deadlines + one transaction with audit. */
export async function act(db: Db, ctx: Signed, id: string, b: ActionInput): Promise<repo.ItemRow> {
  const actor = ctx.actor;
  const cal = await feedbackCalendar(db);
  // read outside the transaction: PGlite has one connection, which the transaction holds
  const ref = await reference(db);
  return db.transaction(async (tx) => {
    const a = b.action as StaffAction;
    const it = await readableItem(tx, actor, id);
    if (!canStart(a, it.status)) throw new AppError('FEEDBACK_INVALID_TRANSITION', { action: a, status: it.status });
    if (!policy.canHandle(actor, it.responsibleUnitPath)) throw new AppError('FORBIDDEN');
    const note = b.note?.trim() || null;
    const set: Partial<repo.NewItem> = {};
    const to = TO[a] ?? it.status;
    switch (a) {
      case 'reject':
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        Object.assign(set, { rejectReason: note, rejectedAt: ctx.now, onTime: onTime(ctx.now, it.rejectDue) });
        break;
      case 'request_info':
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        set.infoRequest = note;
        break;
      case 'supply_info': {
        // recorded by staff (e.g. the citizen phoned back); the answer clock restarts
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        const cat = ref.categories.get(it.categoryCode);
        Object.assign(set, { infoReply: note, answerDue: dueFrom(cal, ctx.now, cat?.answerDays ?? 15) });
        break;
      }
      case 'assign':
        set.assigneeUserId = b.assigneeUserId ?? actor.userId;
        break;
      case 'draft_answer':
        need(b.answer?.trim(), 'FEEDBACK_ANSWER_REQUIRED');
        if (!policy.canDraft(actor, it.responsibleUnitPath, it.headAnswers))
          throw new AppError(it.headAnswers ? 'FEEDBACK_HEAD_MUST_ANSWER' : 'FORBIDDEN');
        Object.assign(set, { answerText: b.answer, answerDraftedBy: actor.userId });
        break;
      case 'approve':
        if (!policy.canApprove(actor, it.responsibleUnitPath)) throw new AppError('FORBIDDEN');
        if (b.answer?.trim()) set.answerText = b.answer;
        Object.assign(set, { answerApprovedBy: actor.userId, answerApprovedByName: actor.fullName });
        break;
      case 'return_draft':
        if (!policy.canApprove(actor, it.responsibleUnitPath)) throw new AppError('FORBIDDEN');
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        Object.assign(set, { answerApprovedBy: null, answerApprovedByName: null });
        break;
      case 'send': {
        const cat = ref.categories.get(it.categoryCode);
        Object.assign(set, {
          sentAt: ctx.now,
          onTime: onTime(ctx.now, it.answerDue),
          publishDue: dueFrom(cal, ctx.now, cat?.publishDays ?? 2),
          deadlineState: 'ok',
        });
        break;
      }
      case 'publish':
        set.publishedAt = ctx.now;
        set.deadlineState = 'ok';
        break;
      case 'transfer': {
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        const target = b.unitId ? await repo.getUnitRow(tx, b.unitId) : undefined;
        if (!target || target.validTo) throw new AppError('NOT_FOUND', { what: 'unit' });
        if (target.id === it.responsibleUnitId) throw new AppError('BAD_REQUEST', { detail: 'same unit' });
        Object.assign(set, { responsibleUnitId: target.id, responsibleUnitPath: target.path, assigneeUserId: null });
        break;
      }
      case 'recategorise': {
        need(note, 'FEEDBACK_REASON_REQUIRED', { action: a });
        const cat = b.categoryCode ? ref.categories.get(b.categoryCode) : undefined;
        if (!cat) throw new AppError('FEEDBACK_CATEGORY_UNKNOWN', { code: b.categoryCode ?? '' });
        Object.assign(set, { categoryCode: cat.code, headAnswers: it.headAnswers || cat.hot });
        break;
      }
      case 'link_duplicate': {
        const primary = b.duplicateOfCode ? await repo.getItemByCode(tx, b.duplicateOfCode) : undefined;
        if (!primary || !policy.canRead(actor, primary.responsibleUnitPath))
          throw new AppError('NOT_FOUND', { what: 'feedback' });
        if (primary.id === it.id || primary.duplicateOfId || !isOpen(primary.status))
          throw new AppError('FEEDBACK_DUPLICATE_INVALID', { detail: primary.code });
        if ((await repo.duplicatesOf(tx, it.id)).length)
          throw new AppError('FEEDBACK_DUPLICATE_INVALID', { detail: `${it.code} has duplicates of its own` });
        set.duplicateOfId = primary.id;
        break;
      }
    }
    const after = await repo.updateItem(tx, it.id, b.version, { ...set, status: to });
    if (!after) throw new AppError('VERSION_CONFLICT', {}, { current: snapshot(it) });
    const eventId = await record(tx, ctx, it, after, a, note);
    if (a === 'request_info' || a === 'reject' || a === 'send')
      await insertOutbox(tx, citizenNotifications(after, eventId, a));
    // one answer closes all linked duplicates
    if (a === 'send' || a === 'publish') {
      for (const dup of await repo.duplicatesOf(tx, it.id)) {
        if (!isOpen(dup.status) && a === 'send') continue;
        if (a === 'publish' && dup.status !== 'sent') continue;
        const dset: Partial<repo.NewItem> =
          a === 'send'
            ? {
                status: 'sent',
                answerText: after.answerText,
                answerApprovedBy: after.answerApprovedBy,
                answerApprovedByName: after.answerApprovedByName,
                sentAt: ctx.now,
                onTime: onTime(ctx.now, dup.answerDue),
                publishDue: after.publishDue,
              }
            : { status: 'published', publishedAt: ctx.now };
        const d2 = await repo.updateItem(tx, dup.id, dup.version, dset);
        if (d2) {
          const dupEvent = await record(tx, ctx, dup, d2, a, `${after.code}`);
          if (a === 'send') await insertOutbox(tx, citizenNotifications(d2, dupEvent, 'send'));
        }
      }
    }
    return after;
  });
}

async function record(
  tx: DbOrTx,
  ctx: RequestContext,
  before: repo.ItemRow,
  after: repo.ItemRow,
  action: string,
  note: string | null,
  data?: object,
): Promise<string> {
  const eventId = randomUUID();
  await repo.insertEvent(tx, {
    id: eventId,
    itemId: after.id,
    at: ctx.now,
    action,
    fromStatus: before.status,
    toStatus: after.status,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.fullName ?? null,
    note,
    data: data ?? null,
  });
  await audit(tx, ctx, {
    action: `feedback.${action}`,
    targetType: 'feedback',
    targetId: after.id,
    unitId: after.responsibleUnitId,
    before: snapshot(before),
    after: { ...snapshot(after), note },
  });
  return eventId;
}

// ── the citizen, with the item's code and tracking key ─────────────────────

export async function tracked(db: DbOrTx, code: string, trackingKey: string) {
  const it = await repo.getItemByCode(db, code);
  if (!it || it.trackingHash !== sha256(trackingKey)) throw new AppError('FEEDBACK_TRACKING_INVALID');
  return it;
}

export async function citizenSupplyInfo(db: Db, ctx: RequestContext, code: string, trackingKey: string, text: string) {
  if (!text.trim()) throw new AppError('FEEDBACK_REASON_REQUIRED', { action: 'supply_info' });
  const ref = await reference(db);
  const cal = await feedbackCalendar(db);
  return db.transaction(async (tx) => {
    const it = await tracked(tx, code, trackingKey);
    if (!canStart('supply_info', it.status))
      throw new AppError('FEEDBACK_INVALID_TRANSITION', { action: 'supply_info', status: it.status });
    const cat = ref.categories.get(it.categoryCode);
    const after = await repo.updateItem(tx, it.id, it.version, {
      status: 'info_supplied',
      infoReply: text,
      answerDue: dueFrom(cal, ctx.now, cat?.answerDays ?? 15),
    });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await record(tx, ctx, it, after, 'supply_info', text);
    return after;
  });
}

export async function citizenRate(
  db: Db,
  ctx: RequestContext,
  code: string,
  trackingKey: string,
  rating: 'satisfied' | 'unsatisfied',
) {
  return db.transaction(async (tx) => {
    const it = await tracked(tx, code, trackingKey);
    if (!canStart('rate', it.status))
      throw new AppError('FEEDBACK_INVALID_TRANSITION', { action: 'rate', status: it.status });
    const after = await repo.updateItem(tx, it.id, it.version, { rating, ratedAt: ctx.now });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await record(tx, ctx, it, after, 'rate', rating);
    return after;
  });
}

/** An unsatisfied citizen reopens the item within the category's reopen window; a new answer is due. */
export async function citizenReopen(db: Db, ctx: RequestContext, code: string, trackingKey: string, reason: string) {
  if (!reason.trim()) throw new AppError('FEEDBACK_REASON_REQUIRED', { action: 'reopen' });
  const ref = await reference(db);
  const cal = await feedbackCalendar(db);
  return db.transaction(async (tx) => {
    const it = await tracked(tx, code, trackingKey);
    if (!canStart('reopen', it.status))
      throw new AppError('FEEDBACK_INVALID_TRANSITION', { action: 'reopen', status: it.status });
    if (it.rating !== 'unsatisfied') throw new AppError('FEEDBACK_REOPEN_NEEDS_UNSATISFIED');
    const cat = ref.categories.get(it.categoryCode);
    const days = cat?.reopenDays ?? 10;
    if (ctx.now.getTime() - it.sentAt!.getTime() > days * 86_400_000)
      throw new AppError('FEEDBACK_REOPEN_EXPIRED', { days });
    const after = await repo.updateItem(tx, it.id, it.version, {
      status: 'assigned',
      reopenCount: it.reopenCount + 1,
      answerDue: dueFrom(cal, ctx.now, cat?.answerDays ?? 15),
      answerApprovedBy: null,
      answerApprovedByName: null,
      deadlineState: 'ok',
    });
    if (!after) throw new AppError('VERSION_CONFLICT');
    const eventId = await record(tx, ctx, it, after, 'reopen', reason);
    await insertOutbox(tx, citizenNotifications(after, eventId, 'reopen' satisfies CitizenNews));
    return after;
  });
}
