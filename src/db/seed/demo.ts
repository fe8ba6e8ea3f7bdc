import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEMO_UNITS } from '../../modules/org/demo/demo-units.ts';
import { getUnitByCode, insertGrant, insertUnit, insertUser } from '../../modules/org/org.repository.ts';
import { units } from '../../modules/org/org.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { normaliseLogin } from '../../platform/auth/auth.service.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Deps } from '../../platform/http/types.ts';
import type { Db } from '../client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { demoSeeders } from './registry.ts';

export { DEMO_PASSWORD };

export async function isEmpty(db: Db): Promise<boolean> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  return (r?.n ?? 0) === 0;
}

export interface DemoUnit {
  code: string;
  parentCode: string | null;
  name: string;
  shortName: string;
  nameEn?: string;
  kind: string;
  block?: string | null;
  agencyCode?: string;
  validFrom?: string;
  validTo?: string;
}

/** Inserts units given parents-first (or in any order: parents are placed before children). */
export async function seedUnits(db: Db, list: readonly DemoUnit[]) {
  const byCode = new Map(list.map((u) => [u.code, u]));
  const done = new Set<string>();
  let order = 0;
  const place = async (u: DemoUnit): Promise<void> => {
    if (done.has(u.code)) return;
    const parentDef = u.parentCode ? byCode.get(u.parentCode) : undefined;
    if (parentDef) await place(parentDef);
    const parent = u.parentCode ? await getUnitByCode(db, u.parentCode) : undefined;
    await insertUnit(
      db,
      {
        id: randomUUID(),
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        nameEn: u.nameEn ?? null,
        kind: u.kind,
        block: u.block ?? null,
        parentId: parent?.id ?? null,
        agencyCode: u.agencyCode ?? null,
        validFrom: u.validFrom ?? '2019-01-01',
        validTo: u.validTo ?? null,
        sortOrder: order++,
      },
      parent,
    );
    done.add(u.code);
  };
  for (const u of list) await place(u);
}

export async function seedDemoAccounts(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const login = normaliseLogin(a.login);
    const unit = a.unitCode ? await getUnitByCode(db, a.unitCode) : undefined;
    const u = await insertUser(db, {
      fullName: a.fullName,
      email: login.includes('@') ? login : null,
      phone: login.includes('@') ? null : login,
      passwordHash,
      unitId: unit?.id ?? null,
      title: a.title ?? null,
    });
    await insertGrant(db, { userId: u.id, role: a.role, unitId: unit?.id ?? null });
  }
}

/** Loads the whole demo: organisation, accounts, then every module's demo data. */
export async function seedDemo(deps: Deps) {
  const db = deps.database.db;
  await db.transaction(async (tx) => {
    await seedUnits(tx as unknown as Db, DEMO_UNITS);
    await seedDemoAccounts(tx as unknown as Db);
    await tx.insert(auditLog).values({
      action: 'seed.demo',
      actorRole: 'system',
      targetType: 'system',
      after: { units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length },
    });
  });
  for (const seeder of demoSeeders) await seeder(deps);
}
