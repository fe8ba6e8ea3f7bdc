import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../../platform/auth/actor.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const UNIT_KINDS = [
  'city',
  'province',
  'district',
  'town',
  'rural_district',
  'department',
  'team',
  'ward',
  'commune',
  'township',
  'office',
  'other',
] as const;
export const UnitKind = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
export const UnitCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'stable unit code' });
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const UnitSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  shortName: Type.String(),
  kind: Type.String(),
  block: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  depth: Type.Integer(),
  agencyCode: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  successorId: Nullable(Type.String()),
  version: Type.Integer(),
});
export type UnitView = Static<typeof UnitSchema>;

export const UnitCreateBody = Type.Object(
  {
    code: UnitCode,
    name: Type.String({ minLength: 2, maxLength: 300 }),
    nameEn: Type.Optional(Type.String({ maxLength: 300 })),
    shortName: Type.String({ minLength: 1, maxLength: 100 }),
    kind: UnitKind,
    block: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$' }), Type.Null()])),
    parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    agencyCode: Type.Optional(Type.String({ maxLength: 40 })),
    validFrom: Type.Optional(IsoDate),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const UnitUpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
    nameEn: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    shortName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(UnitKind),
    block: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$' }), Type.Null()])),
    parentId: Type.Optional(Type.String({ format: 'uuid' })),
    agencyCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const UnitCloseBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    validTo: IsoDate,
    /** the unit that takes over (merge); omit when the unit is abolished */
    successorId: Type.Optional(Type.String({ format: 'uuid' })),
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const UnitListQuery = Type.Object(
  {
    includeClosed: Type.Optional(Type.Boolean()),
    /** units valid on this date (default today) */
    at: Type.Optional(IsoDate),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(UnitKind),
    block: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const GrantSchema = Type.Object({
  id: Type.String(),
  role: Type.String(),
  unitId: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
});

export const UserSchema = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  title: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  grants: Type.Array(GrantSchema),
});
export type UserView = Static<typeof UserSchema>;

export const UserCreateBody = Type.Object(
  {
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    grants: Type.Array(
      Type.Object(
        { role: RoleSchema, unitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const UserUpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const GrantBody = Type.Object(
  { role: RoleSchema, unitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    role: Type.Optional(RoleSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    fullName: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    title: Nullable(Type.String()),
    unit: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]),
  }),
  grants: Type.Array(GrantSchema),
  csrfToken: Nullable(Type.String()),
});
export type MeView = Static<typeof MeSchema>;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
