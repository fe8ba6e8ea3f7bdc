import { Type } from '@sinclair/typebox';
import { and, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { inSubtrees } from '../../modules/org/org.repository.ts';
import { units } from '../../modules/org/org.table.ts';
import { isRootAdmin, scopeRoots } from '../auth/actor.ts';
import type { App, Deps } from '../http/types.ts';
import { signedIn } from '../http/types.ts';
import { auditLog } from './audit.table.ts';

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  requestId: Type.Union([Type.String(), Type.Null()]),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  actorUnitId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export function registerAuditRoutes(app: App, deps: Deps) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác (quản trị viên), mới nhất trước',
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 100 })),
            targetType: Type.Optional(Type.String({ maxLength: 50 })),
            targetId: Type.Optional(Type.String({ maxLength: 100 })),
            actorUserId: Type.Optional(Type.String({ format: 'uuid' })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            /** cursor: entries with id below this */
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Entry), nextBefore: Type.Union([Type.Integer(), Type.Null()]) }),
        },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const roots = scopeRoots(ctx.actor, ['admin']);
      if (!roots.length) throw new AppError('FORBIDDEN');
      const q = req.query;
      const conds: SQL[] = [];
      // An administrator of a subtree sees entries about units in it; a root administrator sees all.
      if (!isRootAdmin(ctx.actor)) {
        conds.push(sql`${auditLog.unitId} in (select ${units.id} from ${units} where ${inSubtrees(roots)})`);
      }
      if (q.action)
        conds.push(
          q.action.endsWith('*')
            ? sql`${auditLog.action} like ${`${q.action.slice(0, -1)}%`}`
            : eq(auditLog.action, q.action),
        );
      if (q.targetType) conds.push(eq(auditLog.targetType, q.targetType));
      if (q.targetId) conds.push(eq(auditLog.targetId, q.targetId));
      if (q.actorUserId) conds.push(eq(auditLog.actorUserId, q.actorUserId));
      if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) conds.push(lt(auditLog.at, new Date(q.to)));
      if (q.before) conds.push(lt(auditLog.id, q.before));
      const limit = q.limit ?? 100;
      const rows = await deps.database.db
        .select()
        .from(auditLog)
        .where(conds.length ? and(...conds) : or(isNull(auditLog.id), sql`true`))
        .orderBy(desc(auditLog.id))
        .limit(limit);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextBefore: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
      };
    },
  );
}
