import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Hồ sơ thủ tục hành chính — one application handled by the one-stop shop. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** mã hồ sơ `<unit identifier>-YYMMDD-XXXX` (TT 01/2018/TT-VPCP art. 19) */
    code: text('code').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    receivingUnitId: uuid('receiving_unit_id').notNull(),
    receivingUnitPath: text('receiving_unit_path').notNull(),
    /** the unit holding the dossier now (current step) */
    holderUnitId: uuid('holder_unit_id').notNull(),
    holderUnitPath: text('holder_unit_path').notNull(),
    /** every unit the dossier has been at — who may see it */
    unitPaths: text('unit_paths').array().notNull(),
    status: text('status').notNull(),
    /** outcome once resolved: approved | refused */
    outcome: text('outcome'),
    /** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính */
    channel: smallint('channel').notNull(),
    applicantUserId: uuid('applicant_user_id'),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    formData: jsonb('form_data').notNull().default(sql`'{}'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** official receipt instant (acceptance at the one-stop shop) */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    effectiveReceiptDate: date('effective_receipt_date'),
    /** the date promised to the citizen (ngày hẹn trả); moved only by a supplement or form 04 */
    dueDate: date('due_date'),
    originalDueDate: date('original_due_date'),
    /** working days left on the clock when it was stopped for a supplement */
    clockRemainingDays: integer('clock_remaining_days'),
    statusBeforeSupplement: text('status_before_supplement'),
    supplementCount: smallint('supplement_count').notNull().default(0),
    apologyCount: smallint('apology_count').notNull().default(0),
    stepIndex: smallint('step_index').notNull().default(0),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }),
    stepDueDate: date('step_due_date'),
    /** end of processing (NgayKetThucXuLy): resolved, stopped, refused or withdrawn */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    /** inputs attached digitally and an electronic result exists (766 indicator 4.2) */
    digitised: boolean('digitised').notNull().default(false),
    hasEResult: boolean('has_e_result').notNull().default(false),
    /** 1 = very dissatisfied … 5 = very satisfied */
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reason: text('reason'),
    /** fee or charge paid (đã thu phí): when, how much (VND), how (domain/fees.ts), receipt number */
    feePaidAt: timestamp('fee_paid_at', { withTimezone: true }),
    feeAmount: bigint('fee_amount', { mode: 'number' }),
    feeMethod: text('fee_method'),
    feeReceiptNo: text('fee_receipt_no'),
    idempotencyKey: text('idempotency_key'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    uniqueIndex('dossiers_idem_uq').on(t.createdBy, t.idempotencyKey),
    index('dossiers_receiving_path_idx').on(t.receivingUnitPath.op('text_pattern_ops'), t.submittedAt),
    index('dossiers_holder_path_idx').on(t.holderUnitPath.op('text_pattern_ops'), t.status),
    index('dossiers_applicant_idx').on(t.applicantUserId),
    index('dossiers_procedure_idx').on(t.procedureId),
    index('dossiers_open_path_idx').on(t.receivingUnitPath.op('text_pattern_ops')).where(sql`finished_at is null`),
  ],
);

/** Daily sequence of dossier codes per receiving unit; the row is locked FOR UPDATE while a code is taken. */
export const dossierCounters = pgTable(
  'dossier_counters',
  {
    unitId: uuid('unit_id').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/** Status history (quá trình xử lý) — what the public lookup shows, without personal data. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    stepKey: text('step_key'),
    stepName: text('step_name'),
    unitName: text('unit_name'),
    actorName: text('actor_name'),
    note: text('note'),
    dueDate: date('due_date'),
    data: jsonb('data'),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at)],
);

/** A file of a dossier: an input component, a supplement, or the electronic result. */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    /** input | supplement | result */
    kind: text('kind').notNull(),
    componentKey: text('component_key'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_files_dossier_idx').on(t.dossierId)],
);

/** Notifications to applicants, written in the transaction of the state change and sent by a job. */
export const dossierOutbox = pgTable(
  'dossier_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    eventId: uuid('event_id').notNull(),
    /** email | sms */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
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
    uniqueIndex('dossier_outbox_event_channel_uq').on(t.eventId, t.channel),
    index('dossier_outbox_pending_idx').on(t.createdAt).where(sql`sent_at is null`),
  ],
);

/**
 * Daily roll-up of dossiers per receiving unit, procedure and day of submission, kept by a trigger
 * on `dossiers` (migration dossiers_stats_trigger): the statistics of a district's year read a few
 * thousand rows instead of a million. Only what does not depend on "today" is rolled up; open
 * dossiers (pending, overdue) are counted live.
 */
export const dossierDailyStats = pgTable(
  'dossier_daily_stats',
  {
    unitId: uuid('unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    day: date('day').notNull(),
    received: integer('received').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    online: integer('online').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    early: integer('early').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    lateFinished: integer('late_finished').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    dissatisfied: integer('dissatisfied').notNull().default(0),
    daysSum: doublePrecision('days_sum').notNull().default(0),
    daysN: integer('days_n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.procedureId, t.day] }),
    index('dossier_daily_stats_path_idx').on(t.unitPath.op('text_pattern_ops'), t.day),
  ],
);

/**
 * "Sắp đến hạn" warnings sent to the holders of a dossier: one per dossier, level (`step` = the
 * current step's due date, `dossier` = the date promised to the applicant) and due date, so a
 * warning is never sent twice for one deadline (a new deadline — next step, form 04 — gets its own).
 */
export const dossierDueWarnings = pgTable(
  'dossier_due_warnings',
  {
    dossierId: uuid('dossier_id').notNull(),
    /** step | dossier */
    level: text('level').notNull(),
    dueDate: date('due_date').notNull(),
    stepIndex: smallint('step_index').notNull(),
    holderUnitId: uuid('holder_unit_id').notNull(),
    /** who was told (user ids); empty when nobody with an e-mail holds the step */
    recipients: uuid('recipients').array().notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.level, t.dueDate] })],
);
