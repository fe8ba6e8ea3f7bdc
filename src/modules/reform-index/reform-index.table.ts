import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
/** scores and maxima: up to 3 decimals (the engine works in milli-points) */
const points = (name: string) => numeric(name, { precision: 10, scale: 3, mode: 'number' });

/** Nhóm xếp hạng — the units ranked together in one year (e.g. Hà Nội's 30 quận, huyện, thị xã 2023). */
export const riPeerGroups = pgTable(
  'ri_peer_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** stable across years ("HN-districts"): last year's group is the one with the same code */
    code: text('code').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** plural label for narratives: "quận, huyện, thị xã" */
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en'),
    /** the unit whose reform coordinator and appraisers run this group's cycles */
    ownerUnitId: uuid('owner_unit_id').notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('ri_peer_groups_code_year_uq').on(t.code, t.year)],
);

export const riPeerGroupUnits = pgTable(
  'ri_peer_group_units',
  {
    groupId: uuid('group_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** khối for averages inside the group (default: the group itself) */
    block: text('block'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('ri_peer_group_units_uq').on(t.groupId, t.unitId), index('ri_pgu_unit_idx').on(t.unitId)],
);

/** Bộ chỉ số CCHC of one year for one peer group. */
export const riFrameworks = pgTable(
  'ri_frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** draft | frozen (frozen once a cycle opens) */
    status: text('status').notNull().default('draft'),
    copiedFromId: uuid('copied_from_id'),
    /** [{ code, min, label }] */
    bands: jsonb('bands').$type<{ code: string; min: number; label?: string }[]>().notNull().default([]),
    topN: integer('top_n'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('ri_frameworks_code_uq').on(t.code), index('ri_frameworks_group_idx').on(t.groupId)],
);

/** Tiêu chí (any level). */
export const riCriteria = pgTable(
  'ri_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sortOrder: integer('sort_order').notNull(),
    maxPoints: points('max_points').notNull(),
    /** appraisal | survey | computed */
    method: text('method').notNull(),
    rule: jsonb('rule').notNull(),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    allowNotApplicable: boolean('allow_not_applicable').notNull().default(false),
    metricKey: text('metric_key'),
  },
  (t) => [uniqueIndex('ri_criteria_uq').on(t.frameworkId, t.code)],
);

/** Kỳ đánh giá. */
export const riCycles = pgTable(
  'ri_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    name: text('name').notNull(),
    /** self-assessment deadline */
    deadline: date('deadline').notNull(),
    /** the period measured by computed criteria */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** open | appraisal | closed | published */
    status: text('status').notNull().default('open'),
    publishedOn: date('published_on'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('ri_cycles_framework_uq').on(t.frameworkId)],
);

/** Hồ sơ tự đánh giá của một đơn vị trong một kỳ. */
export const riAssessments = pgTable(
  'ri_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** DRAFT | SUBMITTED | RETURNED | APPRAISED | APPROVED */
    status: text('status').notNull().default('DRAFT'),
    /** submission round (1 = first submission) */
    round: integer('round').notNull().default(1),
    /** returns in the current round (at most 1) */
    returnCount: integer('return_count').notNull().default(0),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('ri_assessments_uq').on(t.cycleId, t.unitId)],
);

/** Điểm một tiêu chí thành phần của một đơn vị. */
export const riScores = pgTable(
  'ri_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    criterionCode: text('criterion_code').notNull(),
    selfScore: points('self_score'),
    selfNote: text('self_note'),
    appraisedScore: points('appraised_score'),
    appraisalReason: text('appraisal_reason'),
    appraisedBy: uuid('appraised_by'),
    surveyPoints: points('survey_points'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    /** computed criteria: the metric's value and what it was computed from */
    computedValue: doublePrecision('computed_value'),
    metricSnapshot: jsonb('metric_snapshot'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('ri_scores_uq').on(t.assessmentId, t.criterionCode)],
);

/**
 * Every score of one assessment packed into one row, kept in step with ri_scores by statement
 * triggers (migration 0014) in the transaction that writes the scores, so that a recompute reads
 * one row per unit instead of 250 (see reform-index.matrix.ts). `codes`: the criterion codes,
 * sorted, joined by U+001F; `cells`: per code, a flags byte (1 = not applicable, 2 = survey points
 * follow), coalesce(appraised, self) in milli-points as int4 (-2^31 = none), then the survey points
 * in milli-points as int4 when flagged. Computed criteria are read from ri_scores (their rule needs
 * the self, appraised and measured values apart).
 */
export const riScorePacks = pgTable('ri_score_packs', {
  assessmentId: uuid('assessment_id').primaryKey(),
  codes: text('codes').notNull(),
  cells: bytea('cells').notNull(),
});

/** Tài liệu kiểm chứng: a stored file or a link to a cchc record. */
export const riEvidence = pgTable(
  'ri_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    criterionCode: text('criterion_code').notNull(),
    /** file | link */
    kind: text('kind').notNull(),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: integer('size'),
    storageKey: text('storage_key'),
    /** link: record type (dossier, feedback, document, url) and reference */
    linkType: text('link_type'),
    linkRef: text('link_ref'),
    note: text('note'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: created(),
  },
  (t) => [index('ri_evidence_assessment_idx').on(t.assessmentId, t.criterionCode)],
);

/** Stored result of a unit in a cycle (recomputed from scores, never typed in). */
export const riResults = pgTable(
  'ri_results',
  {
    cycleId: uuid('cycle_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    unitCode: text('unit_code').notNull(),
    block: text('block').notNull(),
    points: doublePrecision('points').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    applicableMax: doublePrecision('applicable_max').notNull(),
    percent: doublePrecision('percent'),
    rank: integer('rank'),
    rankOf: integer('rank_of').notNull(),
    previousPercent: doublePrecision('previous_percent'),
    deltaPercentPoints: doublePrecision('delta_percent_points'),
    previousRank: integer('previous_rank'),
    rankChange: integer('rank_change'),
    band: text('band'),
    inTopN: boolean('in_top_n'),
    previousInTopN: boolean('previous_in_top_n'),
    missingLeaves: integer('missing_leaves').notNull().default(0),
    notApplicableLeaves: integer('not_applicable_leaves').notNull().default(0),
  },
  (t) => [uniqueIndex('ri_results_uq').on(t.cycleId, t.unitId), index('ri_results_unit_idx').on(t.unitCode)],
);

export const riAreaResults = pgTable(
  'ri_area_results',
  {
    cycleId: uuid('cycle_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    areaCode: text('area_code').notNull(),
    sortOrder: integer('sort_order').notNull(),
    points: doublePrecision('points').notNull(),
    applicableMax: doublePrecision('applicable_max').notNull(),
    percent: doublePrecision('percent'),
    rank: integer('rank'),
    rankOf: integer('rank_of').notNull(),
    previousPercent: doublePrecision('previous_percent'),
    deltaPercentPoints: doublePrecision('delta_percent_points'),
    previousRank: integer('previous_rank'),
    rankChange: integer('rank_change'),
  },
  (t) => [uniqueIndex('ri_area_results_uq').on(t.cycleId, t.unitId, t.areaCode)],
);

/** Group and block summaries of a cycle (kind: group | block). */
export const riSummaries = pgTable(
  'ri_summaries',
  {
    cycleId: uuid('cycle_id').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    summary: jsonb('summary').notNull(),
  },
  (t) => [uniqueIndex('ri_summaries_uq').on(t.cycleId, t.kind, t.code)],
);

/** Điều chỉnh sau công bố: who, why, old → new. */
export const riCorrections = pgTable(
  'ri_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    criterionCode: text('criterion_code').notNull(),
    /** appraisedScore | surveyPoints | notApplicable */
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('ri_corrections_cycle_idx').on(t.cycleId)],
);
