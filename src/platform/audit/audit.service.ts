import type { DbOrTx } from '../../db/client.ts';
import { primaryGrant, type RequestContext } from '../auth/actor.ts';
import { auditLog } from './audit.table.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** the unit the target belongs to (for scoped browsing) */
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|token|secret|hash/i;

/** Drops secrets from a before/after snapshot: the audit log is read by people, secrets never go there. */
function scrub(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(scrub);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrub(val);
    return out;
  }
  return v;
}

/** The audit_log row of an entry (for writers that insert several entries in one statement). */
export function auditValues(ctx: RequestContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  const grant = primaryGrant(ctx.actor);
  return {
    at: ctx.now,
    requestId: ctx.requestId,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.fullName ?? null,
    actorRole: grant?.role ?? (ctx.actor ? null : 'anonymous'),
    actorUnitId: grant?.unitId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    unitId: entry.unitId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    ip: ctx.ip,
  };
}

/** Writes one audit entry; call it inside the transaction that makes the change. */
export async function audit(tx: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditValues(ctx, entry));
}
