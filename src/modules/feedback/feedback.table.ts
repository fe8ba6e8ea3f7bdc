import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Lĩnh vực phản ánh — a feedback category with its deadlines (working days) and "hot" flag. */
export const feedbackCategories = pgTable('feedback_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** procedure (quy định, TTHC) | officer (hành vi CBCC) | field (hiện trường) — QĐ 766 5.1 */
  kind: text('kind').notNull(),
  /** "hot" field: the responsible unit's head answers directly */
  hot: boolean('hot').notNull().default(false),
  rejectDays: integer('reject_days').notNull().default(2),
  infoDays: integer('info_days').notNull().default(5),
  answerDays: integer('answer_days').notNull().default(15),
  publishDays: integer('publish_days').notNull().default(2),
  /** calendar days after the answer within which an unsatisfied citizen may reopen */
  reopenDays: integer('reopen_days').notNull().default(10),
  /** Open311 service-definition attributes */
  attributes: jsonb('attributes').notNull().default(sql`'[]'::jsonb`),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(1),
});

/** Quy tắc phân công — category × area (ward/unit subtree) → responsible unit. Null = any. */
export const feedbackRoutingRules = pgTable('feedback_routing_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  categoryCode: text('category_code'),
  areaUnitId: uuid('area_unit_id'),
  responsibleUnitId: uuid('responsible_unit_id').notNull(),
  /** overrides the category's hot flag when set */
  headAnswers: boolean('head_answers'),
  note: text('note'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Phản ánh, kiến nghị — one citizen's feedback item. Personal data (reporter_*) is never public. */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    idempotencyKey: text('idempotency_key'),
    categoryCode: text('category_code').notNull(),
    /** web | hotline | counter | letter | open311 */
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** unaccented lower-case text (đ→d) of title, content, address, ward, answer: public search */
    searchText: text('search_text').notNull(),
    areaUnitId: uuid('area_unit_id').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    dossierCode: text('dossier_code'),
    reporterName: text('reporter_name').notNull(),
    reporterAddress: text('reporter_address').notNull(),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    reporterUserId: uuid('reporter_user_id'),
    /** SHA-256 of the follow-up secret given to the citizen at intake */
    trackingHash: text('tracking_hash').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').notNull(),
    responsibleUnitPath: text('responsible_unit_path').notNull(),
    headAnswers: boolean('head_answers').notNull().default(false),
    assigneeUserId: uuid('assignee_user_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    effectiveReceiptDate: date('effective_receipt_date').notNull(),
    rejectDue: date('reject_due').notNull(),
    infoDue: date('info_due').notNull(),
    answerDue: date('answer_due').notNull(),
    publishDue: date('publish_due'),
    infoRequest: text('info_request'),
    infoReply: text('info_reply'),
    rejectReason: text('reject_reason'),
    answerText: text('answer_text'),
    answerDraftedBy: uuid('answer_drafted_by'),
    answerApprovedBy: uuid('answer_approved_by'),
    answerApprovedByName: text('answer_approved_by_name'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** answer sent (or rejection) on or before its due date */
    onTime: boolean('on_time'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rating: text('rating'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    duplicateOfId: uuid('duplicate_of_id'),
    /** ok | near | overdue — set by the deadline job */
    deadlineState: text('deadline_state').notNull().default('ok'),
    /** 0 none, 1 head, 2 leader */
    escalationLevel: integer('escalation_level').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_items_code_uq').on(t.code),
    uniqueIndex('feedback_items_idem_uq').on(t.idempotencyKey),
    index('feedback_items_unit_idx').on(t.responsibleUnitPath.op('text_pattern_ops'), t.receivedAt),
    index('feedback_items_status_idx').on(t.status, t.answerDue),
    index('feedback_items_area_cat_idx').on(t.areaUnitId, t.categoryCode, t.status),
    index('feedback_items_received_idx').on(t.receivedAt),
    index('feedback_items_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
    index('feedback_items_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
  ],
);

/** Lịch sử xử lý — one row per state change (the public timeline shows the `public` ones). */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('feedback_events_item_idx').on(t.itemId, t.at)],
);

/** Ảnh đính kèm — stored in the database so an acknowledged item is never without its photos. */
export const feedbackAttachments = pgTable(
  'feedback_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_attachments_item_idx').on(t.itemId)],
);

/** Open311 api_key of an integrating client; only the SHA-256 is stored. */
export const feedbackOpen311Keys = pgTable('feedback_open311_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Numbers of item codes (PAKN-2024-000001): a sequence, so concurrent intake never waits on a counter row. */
export const feedbackCodeSeq = pgSequence('feedback_code_seq', { startWith: 1 });

/**
 * Notifications of feedback (acknowledgement and answer to the citizen; deadline warnings and
 * escalations to the head and the leader), written in the transaction of the change they tell
 * about and sent by the outbox job (same sender as the dossiers' outbox).
 */
export const feedbackOutbox = pgTable(
  'feedback_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    /** the feedback_events row the message tells about */
    eventId: uuid('event_id').notNull(),
    /** email | sms */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    /** citizen | staff user id */
    recipientUserId: uuid('recipient_user_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** a sender's lease on the row while it sends outside any transaction (see notify/outbox.ts) */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('feedback_outbox_event_uq').on(t.eventId, t.channel, t.recipient),
    index('feedback_outbox_item_idx').on(t.itemId),
    index('feedback_outbox_pending_idx').on(t.createdAt).where(sql`sent_at is null`),
  ],
);
