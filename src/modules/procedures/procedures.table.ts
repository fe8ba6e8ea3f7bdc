import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Thành phần hồ sơ — one document the applicant must hand in. */
export interface ProcedureComponent {
  key: string;
  name: string;
  /** bản chính | bản sao | bản sao có chứng thực | bản chụp */
  form: 'original' | 'copy' | 'certified_copy' | 'scan';
  count: number;
  mandatory: boolean;
  /** accepted content types for online upload (checked by magic bytes) */
  fileTypes: ('pdf' | 'jpeg' | 'png' | 'docx')[];
}

/**
 * One step of the procedure's workflow (quy trình nội bộ). `unit` says who holds the dossier:
 * 'receiving' = the unit that received it; 'district' = the district-level ancestor (or itself);
 * 'dept:<SUFFIX>' = the district's department whose code ends with -<SUFFIX> (e.g. dept:QLDT).
 */
export interface WorkflowStep {
  key: string;
  name: string;
  role: 'one_stop_officer' | 'specialist' | 'unit_head' | 'leader';
  unit: string;
  days: number;
}

export interface ProcedureFee {
  name: string;
  /** VND */
  amount: number;
  note?: string;
}

/** Thủ tục hành chính (TTHC) — an entry of the procedure catalogue. */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** mã TTHC in the national procedure database, e.g. 1.009974 */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** lĩnh vực, e.g. "Hoạt động xây dựng", "Hộ tịch", "Chứng thực" */
    field: text('field').notNull(),
    /** city | district | ward */
    level: text('level').notNull(),
    /** kinds of unit where a dossier may be received (ward, district …) */
    receivingKinds: text('receiving_kinds').array().notNull(),
    /** thời hạn giải quyết, in working days (0 = same day) */
    processingDays: integer('processing_days').notNull(),
    /** receipt cut-off "HH:MM" (Hà Nội time): received at or after it counts from the next working day; null = none */
    receiptCutoff: text('receipt_cutoff').default('15:00'),
    fees: jsonb('fees').$type<ProcedureFee[]>().notNull().default(sql`'[]'::jsonb`),
    components: jsonb('components').$type<ProcedureComponent[]>().notNull(),
    /** full (toàn trình) | partial (một phần) | none */
    onlineLevel: text('online_level').notNull(),
    legalBasis: text('legal_basis').array().notNull(),
    workflow: jsonb('workflow').$type<WorkflowStep[]>().notNull(),
    /** a paper result is required (e.g. a permit) — for indicator 4.1/4.2 */
    resultName: text('result_name').notNull().default(''),
    validFrom: date('valid_from').notNull().default(sql`'2000-01-01'`),
    validTo: date('valid_to'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_code_uq').on(t.code), index('procedures_field_idx').on(t.field)],
);
