import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Đơn vị — any node of the organisation tree (city, district, department, ward, team …). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** stable public code, never reused */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    shortName: text('short_name').notNull(),
    /** city | district | town | rural_district | department | team | ward | commune | … */
    kind: text('kind').notNull(),
    /** khối — peer block used for averages and ranking (e.g. departments, wards) */
    block: text('block'),
    parentId: uuid('parent_id'),
    /** materialised path of ids: "/<root>/<child>/…/<self>/" — subtree = prefix match */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    /** identifier under Circular 10/2016/TT-BTTTT used in dossier codes (e.g. 000.00.12.H26) */
    agencyCode: text('agency_code'),
    validFrom: date('valid_from').notNull().default(sql`'2000-01-01'`),
    /** set when the unit was merged or abolished; the row stays for history */
    validTo: date('valid_to'),
    successorId: uuid('successor_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_uq').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').on(t.path.op('text_pattern_ops')),
  ],
);

/** Người dùng — a citizen or a civil servant. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email'),
    phone: text('phone'),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** the unit the person works in (null for citizens) */
    unitId: uuid('unit_id'),
    title: text('title'),
    locale: text('locale').notNull().default('vi'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_phone_uq').on(t.phone),
    index('users_unit_idx').on(t.unitId),
  ],
);

/** A role granted on a unit; it covers the unit's whole subtree. Citizens hold `citizen` with no unit. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_uq').on(
      t.userId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('role_grants_user_idx').on(t.userId),
  ],
);
