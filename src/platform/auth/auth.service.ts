import './auth.errors.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { roleGrants, users } from '../../modules/org/org.table.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor, RequestContext } from './actor.ts';
import * as repo from './auth.repository.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';

export const SESSION_COOKIE = 'cchc_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** "0912 345 678" / "+84912345678" → "0912345678"; null when it is not a Vietnamese phone number. */
export function normalisePhone(raw: string): string | null {
  const s = raw.replace(/[\s.-]/g, '');
  const m = /^(?:\+?84|0)(\d{9})$/.exec(s);
  return m ? `0${m[1]}` : null;
}

/** Normalises an email or phone login; throws PHONE_INVALID for a malformed phone. */
export function normaliseLogin(raw: string): string {
  const s = raw.trim();
  if (s.includes('@')) return s.toLowerCase();
  const p = normalisePhone(s);
  if (!p) throw new AppError('PHONE_INVALID');
  return p;
}

interface CachedActor {
  actor: Actor;
  until: number;
}

/**
 * Sign-in, sessions and API tokens. Resolved sessions are cached for a few seconds so that a busy
 * API does not look the same session up on every request; sign-out and revocation clear the cache.
 */
export class AuthService {
  private cache = new Map<string, CachedActor>();
  private readonly cacheMs = 5000;

  constructor(
    private readonly db: Db,
    private readonly config: Pick<Config, 'sessionTtlHours' | 'loginMaxAttempts' | 'loginWindowMinutes'>,
  ) {}

  async login(ctx: RequestContext, loginRaw: string, password: string) {
    const login = normaliseLogin(loginRaw);
    const windowMs = this.config.loginWindowMinutes * 60_000;
    const since = new Date(ctx.now.getTime() - windowMs);
    const keys = [`acct:${login}`, `ip:${ctx.ip}`];
    // An IP gets more room than one account: a ward office shares one address.
    const limits = [this.config.loginMaxAttempts, this.config.loginMaxAttempts * 10];
    for (const [i, key] of keys.entries()) {
      if ((await repo.failureCount(this.db, key, since)) >= limits[i]!) {
        throw new AppError('LOGIN_THROTTLED', { max: limits[i], minutes: this.config.loginWindowMinutes });
      }
    }
    const user = await repo.findUserByLogin(this.db, login);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok) {
      await this.db.transaction(async (tx) => {
        for (const key of keys) await repo.recordFailure(tx, key, ctx.now, since);
        await audit(tx, ctx, {
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user?.id ?? null,
          after: { login },
        });
      });
      throw new AppError('LOGIN_FAILED');
    }
    if (!user.active) throw new AppError('ACCOUNT_DISABLED');
    const token = randomToken();
    const csrfToken = randomToken(24);
    const session = await this.db.transaction(async (tx) => {
      await repo.clearFailures(tx, keys[0]!);
      const s = await repo.insertSession(tx, {
        tokenHash: sha256(token),
        csrfToken,
        userId: user.id,
        expiresAt: new Date(ctx.now.getTime() + this.config.sessionTtlHours * 3600_000),
        ip: ctx.ip,
      });
      const actorCtx = {
        ...ctx,
        actor: {
          userId: user.id,
          fullName: user.fullName,
          unitId: user.unitId,
          grants: await repo.grantsOf(tx, user.id),
          via: 'session' as const,
        },
      };
      await audit(tx, actorCtx, { action: 'auth.login', targetType: 'session', targetId: s.id });
      return s;
    });
    return { token, csrfToken, expiresAt: session.expiresAt };
  }

  async logout(ctx: RequestContext, token: string) {
    const hash = sha256(token);
    this.cache.delete(`s:${hash}`);
    const found = await repo.findLiveSession(this.db, hash, ctx.now);
    if (!found) return;
    await this.db.transaction(async (tx) => {
      await repo.deleteSession(tx, found.session.id);
      await audit(tx, ctx, { action: 'auth.logout', targetType: 'session', targetId: found.session.id });
    });
  }

  /** The actor behind a session cookie, or null when the session is unknown or expired. */
  async fromSession(token: string, now: Date): Promise<Actor | null> {
    const hash = sha256(token);
    const key = `s:${hash}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > now.getTime()) return hit.actor;
    const found = await repo.findLiveSession(this.db, hash, now);
    if (!found?.user.active) {
      this.cache.delete(key);
      return null;
    }
    const actor: Actor = {
      userId: found.user.id,
      fullName: found.user.fullName,
      unitId: found.user.unitId,
      grants: await repo.grantsOf(this.db, found.user.id),
      via: 'session',
      sessionId: found.session.id,
      csrfToken: found.session.csrfToken,
    };
    this.remember(key, actor, Math.min(now.getTime() + this.cacheMs, found.session.expiresAt.getTime()));
    return actor;
  }

  async fromApiToken(token: string, now: Date): Promise<Actor | null> {
    const hash = sha256(token);
    const key = `t:${hash}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > now.getTime()) return hit.actor;
    const found = await repo.findLiveToken(this.db, hash);
    if (!found?.user.active) return null;
    const actor: Actor = {
      userId: found.user.id,
      fullName: found.user.fullName,
      unitId: found.user.unitId,
      grants: await repo.grantsOf(this.db, found.user.id),
      via: 'token',
    };
    this.remember(key, actor, now.getTime() + this.cacheMs);
    return actor;
  }

  private remember(key: string, actor: Actor, until: number) {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { actor, until });
  }

  /** Forget cached sessions, e.g. after roles changed. */
  forgetAll() {
    this.cache.clear();
  }

  async registerCitizen(
    ctx: RequestContext,
    input: { fullName: string; email?: string; phone?: string; password: string },
  ) {
    const email = input.email?.trim().toLowerCase() || null;
    const phone = input.phone ? normalisePhone(input.phone) : null;
    if (input.phone && !phone) throw new AppError('PHONE_INVALID');
    if (!email && !phone) throw new AppError('CONTACT_REQUIRED');
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError(problem);
    const passwordHash = await hashPassword(input.password);
    const user = await this.db.transaction(async (tx) => {
      if ((email && (await repo.findUserByLogin(tx, email))) || (phone && (await repo.findUserByLogin(tx, phone)))) {
        throw new AppError('ACCOUNT_EXISTS');
      }
      const [u] = await tx
        .insert(users)
        .values({ fullName: input.fullName.trim(), email, phone, passwordHash })
        .returning();
      await tx.insert(roleGrants).values({ userId: u!.id, role: 'citizen', unitId: null });
      await audit(
        tx,
        {
          ...ctx,
          actor: {
            userId: u!.id,
            fullName: u!.fullName,
            unitId: null,
            grants: [{ role: 'citizen', unitId: null, unitPath: null }],
            via: 'session',
          },
        },
        {
          action: 'user.register',
          targetType: 'user',
          targetId: u!.id,
          after: { fullName: u!.fullName, email, phone },
        },
      );
      return u!;
    });
    return { id: user.id, fullName: user.fullName, email: user.email, phone: user.phone };
  }

  async createApiToken(ctx: RequestContext, name: string) {
    const actor = ctx.actor!;
    const secret = `cchc_${randomToken()}`;
    return this.db.transaction(async (tx) => {
      const row = await repo.insertToken(tx, {
        userId: actor.userId,
        name,
        prefix: secret.slice(0, 12),
        tokenHash: sha256(secret),
      });
      await audit(tx, ctx, {
        action: 'api_token.create',
        targetType: 'api_token',
        targetId: row.id,
        after: { name, prefix: row.prefix },
      });
      return { id: row.id, name, prefix: row.prefix, createdAt: row.createdAt, token: secret };
    });
  }

  async listApiTokens(ctx: RequestContext) {
    const rows = await repo.listTokens(this.db, ctx.actor!.userId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      revokedAt: r.revokedAt,
    }));
  }

  async revokeApiToken(ctx: RequestContext, id: string) {
    await this.db.transaction(async (tx) => {
      const row = await repo.revokeToken(tx, id, ctx.actor!.userId, ctx.now);
      if (!row) throw new AppError('NOT_FOUND', { what: 'API token' });
      await audit(tx, ctx, { action: 'api_token.revoke', targetType: 'api_token', targetId: id });
    });
    this.cache.clear();
  }

  purgeExpired(now: Date) {
    return repo.purgeExpiredSessions(this.db, now);
  }
}
