import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import * as s from './org.schemas.ts';
import * as svc from './org.service.ts';
import { exportUnits, importUnits } from './org-transfer.ts';
import './org.errors.ts';

const units = ['units'];
const people = ['people'];

export function registerOrgRoutes(app: App, deps: Deps) {
  const db = deps.database.db;

  app.get(
    '/units',
    {
      schema: {
        tags: units,
        summary: 'Cây đơn vị trong phạm vi của người dùng',
        querystring: s.UnitListQuery,
        response: { 200: Type.Array(s.UnitSchema) },
      },
    },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await svc.listUnitsJson(db, signedIn(req.ctx), req.query)) as never),
  );

  app.get(
    '/units/export',
    {
      schema: {
        tags: units,
        summary: 'Xuất cây đơn vị (xlsx hoặc CSV)',
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'xlsx';
      const buf = await exportUnits(db, signedIn(req.ctx), format);
      reply.header('content-disposition', `attachment; filename="don-vi.${format}"`);
      reply.type(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return reply.send(buf);
    },
  );

  app.post(
    '/units/import',
    {
      schema: {
        tags: units,
        summary: 'Nhập cây đơn vị từ xlsx/CSV (tất cả hoặc không gì cả)',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }) },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      const buf = await file.toBuffer();
      return importUnits(db, ctx, buf, file.filename);
    },
  );

  app.get(
    '/units/:id',
    { schema: { tags: units, summary: 'Một đơn vị', params: s.IdParams, response: { 200: s.UnitSchema } } },
    async (req) => svc.unitView(await svc.readableUnit(db, signedIn(req.ctx).actor, req.params.id)),
  );

  app.post(
    '/units',
    { schema: { tags: units, summary: 'Tạo đơn vị', body: s.UnitCreateBody, response: { 201: s.UnitSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createUnit(db, signedIn(req.ctx), req.body)),
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: units,
        summary: 'Sửa đơn vị (kèm version để tránh ghi đè)',
        params: s.IdParams,
        body: s.UnitUpdateBody,
        response: { 200: s.UnitSchema },
      },
    },
    async (req) => svc.updateUnit(db, signedIn(req.ctx), req.params.id, req.body),
  );

  app.post(
    '/units/:id/close',
    {
      schema: {
        tags: units,
        summary: 'Sáp nhập hoặc giải thể đơn vị (giữ lịch sử)',
        params: s.IdParams,
        body: s.UnitCloseBody,
        response: { 200: s.UnitSchema },
      },
    },
    async (req) => svc.closeUnit(db, signedIn(req.ctx), req.params.id, req.body),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: people,
        summary: 'Người dùng trong phạm vi',
        querystring: s.UserListQuery,
        response: { 200: Type.Array(s.UserSchema) },
      },
    },
    async (req) => svc.listUsers(db, signedIn(req.ctx), req.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags: people, summary: 'Một người dùng', params: s.IdParams, response: { 200: s.UserSchema } } },
    async (req) => svc.getUser(db, signedIn(req.ctx), req.params.id),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: people,
        summary: 'Tạo người dùng và cấp vai trò',
        body: s.UserCreateBody,
        response: { 201: s.UserSchema },
      },
    },
    async (req, reply) => {
      const user = await svc.createUser(db, signedIn(req.ctx), req.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: people,
        summary: 'Sửa người dùng',
        params: s.IdParams,
        body: s.UserUpdateBody,
        response: { 200: s.UserSchema },
      },
    },
    async (req) => {
      const u = await svc.updateUser(db, signedIn(req.ctx), req.params.id, req.body);
      deps.auth.forgetAll();
      return u;
    },
  );

  app.post(
    '/users/:id/grants',
    {
      schema: {
        tags: people,
        summary: 'Cấp vai trò trên một đơn vị (bao gồm các đơn vị trực thuộc)',
        params: s.IdParams,
        body: s.GrantBody,
        response: { 200: s.UserSchema },
      },
    },
    async (req) => {
      const u = await svc.addGrant(db, signedIn(req.ctx), req.params.id, req.body);
      deps.auth.forgetAll();
      return u;
    },
  );

  app.delete(
    '/users/:id/grants/:grantId',
    {
      schema: {
        tags: people,
        summary: 'Thu hồi vai trò',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), grantId: Type.String({ format: 'uuid' }) }),
        response: { 200: s.UserSchema },
      },
    },
    async (req) => {
      const u = await svc.removeGrant(db, signedIn(req.ctx), req.params.id, req.params.grantId);
      deps.auth.forgetAll();
      return u;
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: people,
        summary: 'Đặt lại mật khẩu',
        params: s.IdParams,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await svc.resetPassword(db, signedIn(req.ctx), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
