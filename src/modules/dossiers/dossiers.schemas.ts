import { type Static, Type } from '@sinclair/typebox';
import { FEE_METHODS } from './domain/fees.ts';
import { ACTIONS, STATUSES } from './domain/workflow.ts';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const Applicant = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    phone: Type.String({ pattern: '^\\+?[0-9 .-]{9,15}$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** Online submission (citizen): JSON, or the `metadata` field of a multipart request with one file field per component key. */
export const SubmitBody = Type.Object(
  {
    procedureId: Type.String({ format: 'uuid' }),
    receivingUnitId: Type.String({ format: 'uuid' }),
    applicant: Applicant,
    formData: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 60 }),
        Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
      ),
    ),
  },
  { additionalProperties: false },
);
export type SubmitInput = Static<typeof SubmitBody>;

/** Counter intake (officer): the paper components handed in are listed by key. */
export const IntakeBody = Type.Object(
  {
    procedureId: Type.String({ format: 'uuid' }),
    receivingUnitId: Type.String({ format: 'uuid' }),
    applicant: Applicant,
    formData: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 60 }),
        Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
      ),
    ),
    componentsReceived: Type.Array(Type.String({ maxLength: 40 })),
    /** 1 at the counter (default), 3 by public postal service */
    channel: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(3)])),
    /** when the paper dossier was actually received, if entered later (≤ 30 days ago) */
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type IntakeInput = Static<typeof IntakeBody>;

export const TransitionBody = Type.Object(
  {
    action: Type.Union(ACTIONS.map((a) => Type.Literal(a))),
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: 2000 })),
    /** request_supplement: what is missing (component keys or free text) */
    missing: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 30 })),
    /** apologise: the new date promised */
    newDueDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionBody>;

const EventSchema = Type.Object({
  at: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  nationalCode: Type.Integer(),
  stepName: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
});

export const PublicLookupSchema = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  receivingUnitName: Type.String(),
  status: Type.String({ enum: [...STATUSES] }),
  nationalCode: Type.Integer(),
  statusName: Type.String(),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  /** counted through a year without an official schedule yet (calendar: provisional) */
  dueDateProvisional: Type.Boolean(),
  /** the due date has since become a day off: the one-stop shop will set a new one */
  dueDateOnDayOff: Type.Boolean(),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  canRate: Type.Boolean(),
  history: Type.Array(EventSchema),
});
export type PublicLookupView = Static<typeof PublicLookupSchema>;

export const FileSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  componentKey: Nullable(Type.String()),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String(),
});

export const StepViewSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  role: Type.String(),
  days: Type.Integer(),
  state: Type.Union([Type.Literal('done'), Type.Literal('current'), Type.Literal('pending')]),
  dueDate: Nullable(Type.String()),
});

export const FeeViewSchema = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String(), amount: Type.Number() })),
  /** VND */
  total: Type.Number(),
  /** an approved result waits for the payment (national code 6) */
  awaiting: Type.Boolean(),
  paid: Nullable(
    Type.Object({
      at: Type.String(),
      amount: Type.Number(),
      method: Type.String(),
      receiptNo: Type.String(),
    }),
  ),
  /** the caller may record the payment now */
  canRecord: Type.Boolean(),
});

/** POST /dossiers/:id/fee — the one-stop shop records the fee as paid */
export const FeeBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    /** VND, whole đồng */
    amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
    method: Type.Union(FEE_METHODS.map((m) => Type.Literal(m))),
    receiptNo: Type.String({ minLength: 1, maxLength: 50, pattern: '^\\S(.*\\S)?$' }),
  },
  { additionalProperties: false },
);
export type FeeInput = Static<typeof FeeBody>;

export const DossierSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedure: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    processingDays: Type.Integer(),
  }),
  receivingUnit: Type.Object({ id: Type.String(), name: Type.String() }),
  holderUnit: Type.Object({ id: Type.String(), name: Type.String() }),
  status: Type.String(),
  nationalCode: Type.Integer(),
  statusName: Type.String(),
  outcome: Nullable(Type.String()),
  channel: Type.Integer(),
  applicant: Type.Object({
    name: Type.String(),
    phone: Type.String(),
    email: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  formData: Type.Unknown(),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  effectiveReceiptDate: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  /** counted through a year without an official schedule yet (calendar: provisional) */
  dueDateProvisional: Type.Boolean(),
  /** an open dossier's due date that has since become a day off: set a new date (form 04) */
  dueDateOnDayOff: Type.Boolean(),
  originalDueDate: Nullable(Type.String()),
  stepIndex: Type.Integer(),
  stepDueDate: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  supplementCount: Type.Integer(),
  apologyCount: Type.Integer(),
  reason: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  digitised: Type.Boolean(),
  version: Type.Integer(),
  allowedActions: Type.Array(Type.String()),
  forms: Type.Array(Type.String()),
  /** fees of the procedure and their payment (null when the procedure has none) */
  fee: Nullable(FeeViewSchema),
  steps: Type.Optional(Type.Array(StepViewSchema)),
  history: Type.Optional(
    Type.Array(
      Type.Intersect([EventSchema, Type.Object({ actorName: Nullable(Type.String()), note: Nullable(Type.String()) })]),
    ),
  ),
  files: Type.Optional(Type.Array(FileSchema)),
});
export type DossierView = Static<typeof DossierSchema>;

export const DossierListQuery = Type.Object(
  {
    /** queue = open dossiers held by my units; all = every dossier I may see; mine = as applicant */
    view: Type.Optional(Type.Union([Type.Literal('queue'), Type.Literal('all'), Type.Literal('mine')])),
    status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
    procedureId: Type.Optional(Type.String({ format: 'uuid' })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    overdue: Type.Optional(Type.Boolean()),
    /** within DOSSIER_NEAR_DUE_DAYS working days of the step's or the promised due date */
    dueSoon: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const LookupQuery = Type.Object(
  { code: Type.String({ minLength: 8, maxLength: 60 }), phone4: Type.String({ pattern: '^[0-9]{4}$' }) },
  { additionalProperties: false },
);

export const RateBody = Type.Object(
  {
    code: Type.String({ minLength: 8, maxLength: 60 }),
    phone4: Type.String({ pattern: '^[0-9]{4}$' }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const StatsQuery = Type.Object(
  {
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    from: IsoDate,
    to: IsoDate,
    groupBy: Type.Optional(Type.Union([Type.Literal('unit'), Type.Literal('procedure'), Type.Literal('none')])),
  },
  { additionalProperties: false },
);
