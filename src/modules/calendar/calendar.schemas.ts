import { type Static, Type } from '@sinclair/typebox';
import { MAX_WORKING_DAYS } from '../../calendar/index.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD', examples: ['2025-04-30'] });
const Status = Type.Union([Type.Literal('official'), Type.Literal('provisional')], {
  description:
    'official = announced (or entered by an administrator); provisional = derived from Labour Code 2019 Art. 112',
});
const Kind = Type.Union([Type.Literal('holiday'), Type.Literal('compensatory'), Type.Literal('swapped')], {
  description: 'holiday = nghỉ lễ, Tết; compensatory = nghỉ bù; swapped = hoán đổi for a working Saturday',
});

export const DueDateQuery = Type.Object(
  {
    receivedAt: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'ISO 8601 instant with its zone (Z or ±hh:mm), e.g. 2024-03-01T15:30:00+07:00',
    }),
    // digits only: a numeric type would let the query parser read '0x10' as 16 and '1e3' as 1000;
    // the range is checked by the calendar (CALENDAR_WORKING_DAYS_*), with its own message
    workingDays: Type.String({
      maxLength: 12,
      description: `N, the processing time in working days: an integer from 0 to ${MAX_WORKING_DAYS}`,
      examples: ['15'],
    }),
    cutoff: Type.Optional(
      Type.String({
        maxLength: 8,
        description:
          'receipt cut-off, HH:MM in Asia/Ho_Chi_Minh (a procedure may set its own): received at or after it counts from the next working day; "none" = no cut-off; default 15:00',
        examples: ['16:30', 'none'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const DueDateSchema = Type.Object({
  effectiveReceiptDate: Type.String({
    description: 'the receipt date after the 15:00 cut-off and days off (Hà Nội time)',
  }),
  dueDate: Type.String({ description: 'the N-th working day after the effective receipt date' }),
  provisional: Type.Boolean({ description: 'true if a year without an official schedule was used' }),
});

export const LunarParams = Type.Object({ date: IsoDate }, { additionalProperties: false });
export const LunarSchema = Type.Object({
  day: Type.Integer(),
  month: Type.Integer(),
  year: Type.Integer(),
  leapMonth: Type.Boolean({ description: 'the day lies in a leap month (tháng nhuận)' }),
});

/** Four digits ('2e3' or '02025' are not years); the supported range is checked by the calendar. */
export const YearParams = Type.Object(
  { year: Type.String({ pattern: '^[0-9]{4}$', description: 'YYYY', examples: ['2025'] }) },
  { additionalProperties: false },
);
/** The public lookups take no query parameters. */
export const NoQuery = Type.Object({}, { additionalProperties: false });

export const YearSchema = Type.Object({
  year: Type.Integer(),
  status: Status,
  sources: Type.Array(Type.String()),
  daysOff: Type.Array(Type.Object({ date: Type.String(), kind: Kind, name: Type.String(), status: Status })),
  workingSaturdays: Type.Array(Type.Object({ date: Type.String(), name: Type.String(), status: Status })),
  workingDayCount: Type.Integer(),
});

/** A year's schedule as an administrator edits it. */
export const ScheduleBody = Type.Object(
  {
    /** the version being replaced; omit when the year has no edited schedule yet */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    daysOff: Type.Array(
      Type.Object(
        { date: IsoDate, kind: Kind, name: Type.String({ minLength: 1, maxLength: 200 }) },
        { additionalProperties: false },
      ),
      { maxItems: 60 },
    ),
    workingSaturdays: Type.Array(
      Type.Object(
        { date: IsoDate, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    sources: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      minItems: 1,
      maxItems: 10,
      description: 'the documents announcing the schedule',
    }),
  },
  { additionalProperties: false },
);
export type ScheduleInput = Static<typeof ScheduleBody>;

export const ScheduleSchema = Type.Object({
  year: Type.Integer(),
  /** where the year's schedule comes from now */
  origin: Type.Union([Type.Literal('edited'), Type.Literal('shipped'), Type.Literal('provisional')], {
    description:
      'edited = entered by an administrator; shipped = official data shipped with cchc; provisional = derived',
  }),
  status: Status,
  /** version of the edited schedule (null when not edited) — send it back to replace or delete */
  version: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  daysOff: Type.Array(Type.Object({ date: Type.String(), kind: Kind, name: Type.String() })),
  workingSaturdays: Type.Array(Type.Object({ date: Type.String(), name: Type.String() })),
  sources: Type.Array(Type.String()),
});
export type ScheduleView = Static<typeof ScheduleSchema>;

export const DeleteQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ImportResult = Type.Object({
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      version: Type.Integer(),
      /** the file held the schedule already in force: nothing written */
      unchanged: Type.Optional(Type.Boolean()),
    }),
  ),
});
