/** TypeBox contract of the reform-index API (validation, types, OpenAPI). */
import { type Static, Type } from '@sinclair/typebox';

/**
 * `T | null` as a JSON-schema type array: the app's Ajv coerces types, and with a union it would
 * turn a score of 0 into null (or null into 0); a type array keeps both as sent.
 */
const nullable = <T>(type: string, extra: Record<string, unknown> = {}) =>
  Type.Unsafe<T | null>({ ...extra, type: [type, 'null'] });
const NullableString = () => nullable<string>('string');
const NullableNumber = (extra: Record<string, unknown> = {}) => nullable<number>('number', extra);
const NullableInteger = () => nullable<number>('integer');
const NullableBoolean = () => nullable<boolean>('boolean');
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$' });
const Points = Type.Number({ description: 'points, at most 3 decimals' });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const TierLevel = Type.Object({ label: Type.String(), labelEn: Type.Optional(Type.String()), points: Type.Number() });
export const RuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('tiered'), levels: Type.Array(TierLevel, { minItems: 1 }) }),
  Type.Object({ kind: Type.Literal('proportional') }),
  Type.Object({ kind: Type.Literal('threshold'), threshold: Type.Number() }),
  Type.Object({ kind: Type.Literal('yesNo') }),
  Type.Object({ kind: Type.Literal('deduction'), pointsPerItem: Type.Optional(Type.Number()) }),
  Type.Object({ kind: Type.Literal('free') }),
  Type.Object({ kind: Type.Literal('sum') }),
]);

export const CriterionSchema = Type.Object({
  code: Code,
  parentCode: NullableString(),
  name: Type.String({ minLength: 1, maxLength: 1000 }),
  nameEn: Type.Optional(Type.String({ maxLength: 1000 })),
  maxPoints: Points,
  method: Type.Union([Type.Literal('appraisal'), Type.Literal('survey'), Type.Literal('computed')]),
  rule: RuleSchema,
  evidenceRequired: Type.Boolean(),
  allowNotApplicable: Type.Boolean(),
  metricKey: Type.Optional(Type.String()),
});
export type CriterionInput = Static<typeof CriterionSchema>;

const BandSchema = Type.Object({ code: Type.String(), min: Type.Number(), label: Type.Optional(Type.String()) });

export const PeerGroupBody = Type.Object(
  {
    code: Code,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    name: Type.String({ minLength: 2 }),
    nameEn: Type.Optional(Type.String()),
    labelVi: Type.String({ minLength: 1 }),
    labelEn: Type.Optional(Type.String()),
    ownerUnitCode: Type.String(),
    units: Type.Array(Type.Object({ unitCode: Type.String(), block: Type.Optional(Type.String()) }), { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type PeerGroupInput = Static<typeof PeerGroupBody>;

/** Edit of a peer group: code, year and owner stay; members are replaced in the given order. */
export const PeerGroupUpdateBody = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 2 }),
    nameEn: Type.Optional(Type.String()),
    labelVi: Type.String({ minLength: 1 }),
    labelEn: Type.Optional(Type.String()),
    units: Type.Array(Type.Object({ unitCode: Type.String(), block: Type.Optional(Type.String()) }), { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type PeerGroupUpdateInput = Static<typeof PeerGroupUpdateBody>;

export const FrameworkBody = Type.Object(
  {
    groupId: Type.String({ format: 'uuid' }),
    code: Code,
    name: Type.String({ minLength: 2 }),
    nameEn: Type.Optional(Type.String()),
    bands: Type.Optional(Type.Array(BandSchema)),
    topN: Type.Optional(Type.Integer({ minimum: 1 })),
    criteria: Type.Array(CriterionSchema),
  },
  { additionalProperties: false },
);
export type FrameworkInput = Static<typeof FrameworkBody>;

export const FrameworkUpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2 })),
    nameEn: Type.Optional(Type.String()),
    bands: Type.Optional(Type.Array(BandSchema)),
    topN: Type.Optional(Type.Integer({ minimum: 1 })),
    criteria: Type.Optional(Type.Array(CriterionSchema)),
  },
  { additionalProperties: false },
);

export const FrameworkCopyBody = Type.Object(
  { groupId: Type.String({ format: 'uuid' }), code: Code, name: Type.Optional(Type.String({ minLength: 2 })) },
  { additionalProperties: false },
);

export const CycleBody = Type.Object(
  {
    frameworkId: Type.String({ format: 'uuid' }),
    name: Type.String({ minLength: 2 }),
    deadline: IsoDate,
    periodFrom: IsoDate,
    periodTo: IsoDate,
  },
  { additionalProperties: false },
);

export const SelfScoreBody = Type.Object(
  {
    selfScore: NullableNumber({ description: 'points, at most 3 decimals' }),
    selfNote: Type.Optional(Type.String({ maxLength: 4000 })),
    notApplicable: Type.Optional(Type.Boolean()),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const AppraiseBody = Type.Object(
  {
    appraisedScore: Points,
    reason: Type.String({ maxLength: 4000 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const ReturnBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 4000 }) },
  { additionalProperties: false },
);

export const SurveyBody = Type.Object(
  {
    scores: Type.Array(Type.Object({ unitCode: Type.String(), criterionCode: Type.String(), points: Points }), {
      minItems: 1,
    }),
  },
  { additionalProperties: false },
);

export const CorrectionBody = Type.Object(
  {
    unitCode: Type.String(),
    criterionCode: Type.String(),
    field: Type.Union([Type.Literal('appraisedScore'), Type.Literal('surveyPoints'), Type.Literal('notApplicable')]),
    value: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
    reason: Type.String({ minLength: 3, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const LinkEvidenceBody = Type.Object(
  {
    linkType: Type.Union([
      Type.Literal('dossier'),
      Type.Literal('feedback'),
      Type.Literal('document'),
      Type.Literal('url'),
    ]),
    linkRef: Type.String({ minLength: 1, maxLength: 500 }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const ScoreParams = Type.Object({ id: Type.String({ format: 'uuid' }), criterionCode: Type.String() });

// ---- public results ----
export const ResultsQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    group: Type.Optional(Type.String({ description: 'peer group id (its code, stable across years)' })),
    unitCode: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const AreaResultSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: NullableString(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  percent: NullableNumber(),
  rank: NullableInteger(),
  rankOf: Type.Integer(),
  deltaPercentPoints: NullableNumber(),
  rankChange: NullableInteger(),
});

export const UnitResultSchema = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  unitShortName: Type.String(),
  unitNameEn: NullableString(),
  groupId: Type.String(),
  block: Type.String(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  applicableMax: Type.Number(),
  percent: NullableNumber(),
  rank: NullableInteger(),
  rankOf: Type.Integer(),
  previousPercent: NullableNumber(),
  deltaPercentPoints: NullableNumber(),
  previousRank: NullableInteger(),
  rankChange: NullableInteger(),
  band: NullableString(),
  inTopN: NullableBoolean(),
  areas: Type.Array(AreaResultSchema),
});

const SummarySchema = Type.Object({
  name: Type.String(),
  count: Type.Integer(),
  average: NullableNumber(),
  highest: NullableNumber(),
  lowest: NullableNumber(),
  previousAverage: NullableNumber(),
  deltaPercentPoints: NullableNumber(),
  aboveAverageCount: Type.Integer(),
});

export const ResultsResponse = Type.Object({
  year: Type.Integer(),
  results: Type.Array(UnitResultSchema),
  groups: Type.Array(
    Type.Composite([
      Type.Object({
        groupId: Type.String(),
        year: Type.Integer(),
        label: Type.String(),
        publishedOn: NullableString(),
        frameworkCode: Type.String(),
      }),
      SummarySchema,
    ]),
  ),
  blocks: Type.Array(Type.Composite([Type.Object({ code: Type.String(), groupId: Type.String() }), SummarySchema])),
});
export type ResultsView = Static<typeof ResultsResponse>;
export type UnitResultView = Static<typeof UnitResultSchema>;

export const ProfileQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export const CodeParams = Type.Object({ unitCode: Type.String() });
export const NarrativeQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    unitCode: Type.Optional(Type.String()),
    group: Type.Optional(Type.String()),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), group: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
