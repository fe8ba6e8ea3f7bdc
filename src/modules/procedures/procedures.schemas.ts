import { type Static, Type } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });

export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'docx'] as const;

export const ComponentSchema = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 2, maxLength: 500 }),
    form: Type.Union([
      Type.Literal('original'),
      Type.Literal('copy'),
      Type.Literal('certified_copy'),
      Type.Literal('scan'),
    ]),
    count: Type.Integer({ minimum: 1, maximum: 20 }),
    mandatory: Type.Boolean(),
    fileTypes: Type.Array(
      Type.Union([Type.Literal('pdf'), Type.Literal('jpeg'), Type.Literal('png'), Type.Literal('docx')]),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export const StepSchema = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 2, maxLength: 300 }),
    role: Type.Union([
      Type.Literal('one_stop_officer'),
      Type.Literal('specialist'),
      Type.Literal('unit_head'),
      Type.Literal('leader'),
    ]),
    unit: Type.String({
      pattern: '^(receiving|district|dept:[A-Z0-9]{1,20})$',
      description: "'receiving', 'district' or 'dept:<code suffix>'",
    }),
    days: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);

export const FeeSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    amount: Type.Integer({ minimum: 0 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export const LEVELS = ['city', 'district', 'ward'] as const;

const procedureFields = {
  code: Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z.\\-]{2,39}$', description: 'mã TTHC' }),
  name: Type.String({ minLength: 3, maxLength: 500 }),
  field: Type.String({ minLength: 2, maxLength: 200 }),
  level: Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('ward')]),
  receivingKinds: Type.Array(Type.String({ pattern: '^[a-z_]{2,30}$' }), { minItems: 1 }),
  processingDays: Type.Integer({ minimum: 0, maximum: 365 }),
  /** receipt cut-off (default 15:00); null = dossiers count from the day they arrive, whatever the hour */
  receiptCutoff: Type.Optional(
    Type.Union([
      Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Asia/Ho_Chi_Minh' }),
      Type.Null(),
    ]),
  ),
  fees: Type.Array(FeeSchema),
  components: Type.Array(ComponentSchema, { minItems: 1 }),
  onlineLevel: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')]),
  legalBasis: Type.Array(Type.String({ minLength: 3, maxLength: 500 }), { minItems: 1 }),
  workflow: Type.Array(StepSchema, { minItems: 2 }),
  resultName: Type.String({ maxLength: 300 }),
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
};

export const ProcedureSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ...procedureFields,
  version: Type.Integer(),
});
export type ProcedureView = Static<typeof ProcedureSchema>;

export const ProcedureCreateBody = Type.Object(
  {
    ...procedureFields,
    validFrom: Type.Optional(IsoDate),
    validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    resultName: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type ProcedureInput = Static<typeof ProcedureCreateBody>;

export const ProcedureUpdateBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(procedureFields)).properties },
  { additionalProperties: false },
);

export const ProcedureListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    level: Type.Optional(Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('ward')])),
    field: Type.Optional(Type.String({ maxLength: 200 })),
    /** only procedures valid on this date (default today); 'all' = include expired */
    at: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const ReceivingUnitSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});
