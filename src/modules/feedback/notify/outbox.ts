import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { roleGrants, units, users } from '../../org/org.table.ts';
import { feedbackOutbox } from '../feedback.table.ts';
import type { OutboxRow, StaffRecipient } from './messages.ts';

export async function insertOutbox(tx: DbOrTx, rows: OutboxRow[]) {
  if (rows.length) await tx.insert(feedbackOutbox).values(rows).onConflictDoNothing();
}

/**
 * Active people holding `role` on the unit of `unitPath` or the nearest unit above it that has
 * someone in that role (a grant covers the unit's subtree).
 */
export async function holdersOf(tx: DbOrTx, role: string, unitPath: string): Promise<StaffRecipient[]> {
  const rows = await tx
    .select({
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      depth: units.depth,
    })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, role), eq(users.active, true), sql`${unitPath} like ${units.path} || '%'`))
    .orderBy(desc(units.depth), users.fullName);
  const nearest = rows[0]?.depth;
  const seen = new Set<string>();
  return rows
    .filter((r) => r.depth === nearest && !seen.has(r.userId) && seen.add(r.userId))
    .map(({ depth: _d, ...u }) => u);
}
