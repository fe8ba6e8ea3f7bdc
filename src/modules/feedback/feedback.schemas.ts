import { type Static, Type } from '@sinclair/typebox';
import { STAFF_ACTIONS, STATUSES } from './domain/workflow.ts';

const Str = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);
const Lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const CHANNELS = ['web', 'hotline', 'counter', 'letter', 'email', 'open311'] as const;
export const StatusSchema = Lit(STATUSES);

/** Public intake (web JSON or multipart fields): identity per Decree 20/2008 is checked by the service. */
export const IntakeBody = Type.Object(
  {
    categoryCode: Str(40, 1),
    title: Str(200, 1),
    content: Str(4000, 1),
    areaUnitId: Type.String({ format: 'uuid' }),
    address: Str(300, 1),
    lat: Opt(Type.Number()),
    long: Opt(Type.Number()),
    dossierCode: Opt(Str(60)),
    reporterName: Opt(Str(120)),
    reporterAddress: Opt(Str(300)),
    reporterPhone: Opt(Str(20)),
    reporterEmail: Opt(Str(200)),
  },
  { additionalProperties: false },
);
export type IntakeInput = Static<typeof IntakeBody>;

export const StaffIntakeBody = Type.Composite(
  [
    Type.Omit(IntakeBody, []),
    Type.Object({
      channel: Lit(CHANNELS.filter((c) => c !== 'open311')),
      /** when a letter arrived earlier than it is keyed in */
      receivedAt: Opt(Type.String({ format: 'date-time' })),
    }),
  ],
  { additionalProperties: false },
);
export type StaffIntakeInput = Static<typeof StaffIntakeBody>;

export const SimilarSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  score: Type.Number(),
});

export const IntakeReply = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.String(),
  trackingKey: Type.String(),
  receivedAt: Type.String(),
  answerDue: Type.String(),
  similar: Type.Array(SimilarSchema),
});

export const ActionBody = Type.Object(
  {
    action: Lit(STAFF_ACTIONS),
    version: Type.Integer({ minimum: 1 }),
    note: Opt(Str(4000)),
    answer: Opt(Str(8000)),
    assigneeUserId: Opt(Type.String({ format: 'uuid' })),
    unitId: Opt(Type.String({ format: 'uuid' })),
    categoryCode: Opt(Str(40)),
    duplicateOfCode: Opt(Str(40)),
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionBody>;

export const InboxQuery = Type.Object(
  {
    status: Opt(Type.String({ maxLength: 200 })),
    categoryCode: Opt(Str(40)),
    deadlineState: Opt(Lit(['ok', 'near', 'overdue'])),
    channel: Opt(Str(20)),
    q: Opt(Str(200)),
    from: Opt(Type.String({ format: 'date' })),
    to: Opt(Type.String({ format: 'date' })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Opt(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type InboxFilter = Static<typeof InboxQuery>;

export const PublicQuery = Type.Object(
  {
    q: Opt(Str(200)),
    areaUnitId: Opt(Type.String({ format: 'uuid' })),
    categoryCode: Opt(Str(40)),
    status: Opt(Str(40)),
    from: Opt(Type.String({ format: 'date' })),
    to: Opt(Type.String({ format: 'date' })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Opt(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type PublicFilter = Static<typeof PublicQuery>;

export const StatsQuery = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    groupBy: Lit(['category', 'unit', 'channel', 'month']),
  },
  { additionalProperties: false },
);

export const TrackingBody = Type.Object(
  { trackingKey: Str(100, 1), text: Opt(Str(4000)) },
  { additionalProperties: false },
);
export const RatingBody = Type.Object(
  { trackingKey: Str(100, 1), rating: Lit(['satisfied', 'unsatisfied']) },
  { additionalProperties: false },
);

export const CategoryBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9_-]{2,40}$' }),
    name: Str(200, 1),
    nameEn: Str(200, 1),
    kind: Lit(['procedure', 'officer', 'field']),
    hot: Type.Boolean(),
    rejectDays: Opt(Type.Integer({ minimum: 0, maximum: 60 })),
    infoDays: Opt(Type.Integer({ minimum: 0, maximum: 60 })),
    answerDays: Opt(Type.Integer({ minimum: 1, maximum: 120 })),
    publishDays: Opt(Type.Integer({ minimum: 0, maximum: 60 })),
    reopenDays: Opt(Type.Integer({ minimum: 0, maximum: 365 })),
    active: Opt(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const CategoryPatch = Type.Composite(
  [Type.Partial(Type.Omit(CategoryBody, ['code'])), Type.Object({ version: Type.Integer({ minimum: 1 }) })],
  {
    additionalProperties: false,
  },
);

export const RuleBody = Type.Object(
  {
    categoryCode: Type.Union([Str(40, 1), Type.Null()]),
    areaUnitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    responsibleUnitId: Type.String({ format: 'uuid' }),
    headAnswers: Opt(Type.Union([Type.Boolean(), Type.Null()])),
    note: Opt(Str(500)),
  },
  { additionalProperties: false },
);

export const RulePatch = Type.Object(
  {
    responsibleUnitId: Opt(Type.String({ format: 'uuid' })),
    headAnswers: Opt(Type.Union([Type.Boolean(), Type.Null()])),
    note: Opt(Str(500)),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CodeParams = Type.Object({ code: Str(40, 1) });
