import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import { MeSchema } from '../../modules/org/org.schemas.ts';
import { getMe } from '../../modules/org/org.service.ts';
import type { App, Deps } from '../http/types.ts';
import { signedIn } from '../http/types.ts';
import { SESSION_COOKIE } from './auth.service.ts';

const tags = ['auth'];

export function registerAuthRoutes(app: App, deps: Deps) {
  const cookieOpts = (expires?: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    ...(expires ? { expires } : {}),
  });

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập bằng email hoặc số điện thoại',
        body: Type.Object(
          {
            login: Type.String({ minLength: 3, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MeSchema },
      },
    },
    async (req, reply) => {
      const s = await deps.auth.login(req.ctx, req.body.login, req.body.password);
      reply.setCookie(SESSION_COOKIE, s.token, cookieOpts(s.expiresAt));
      const actor = await deps.auth.fromSession(s.token, req.ctx.now);
      return getMe(deps.database.db, actor!);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Đăng xuất', response: { 204: Type.Null() } } },
    async (req, reply) => {
      if (req.sessionToken) await deps.auth.logout(req.ctx, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, cookieOpts());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'Người dùng hiện tại', response: { 200: MeSchema } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      return getMe(deps.database.db, ctx.actor);
    },
  );

  app.post(
    '/auth/register',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Công dân tự đăng ký tài khoản',
        body: Type.Object(
          {
            fullName: Type.String({ minLength: 2, maxLength: 200 }),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            fullName: Type.String(),
            email: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (req, reply) => {
      const user = await deps.auth.registerCitizen(req.ctx, req.body);
      return reply.status(201).send(user);
    },
  );

  const TokenSchema = Type.Object({
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  });

  app.get(
    '/auth/tokens',
    { schema: { tags, summary: 'Mã truy cập API của tôi', response: { 200: Type.Array(TokenSchema) } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      return (await deps.auth.listApiTokens(ctx)) as never;
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Tạo mã truy cập API cho tích hợp (chỉ hiển thị một lần)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), name: Type.String(), prefix: Type.String(), token: Type.String() }),
        },
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      if (ctx.actor.via !== 'session') throw new AppError('FORBIDDEN');
      return reply.status(201).send(await deps.auth.createApiToken(ctx, req.body.name));
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Thu hồi mã truy cập API',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await deps.auth.revokeApiToken(signedIn(req.ctx), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
