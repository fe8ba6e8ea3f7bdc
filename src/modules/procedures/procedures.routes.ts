import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import * as s from './procedures.schemas.ts';
import * as svc from './procedures.service.ts';
import { exportProcedures, importProcedures } from './procedures-transfer.ts';

const tags = ['procedures'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The procedure catalogue is public (citizens choose from it); only administrators change it. */
export function registerProcedureRoutes(app: App, deps: Deps) {
  const db = deps.database.db;

  app.get(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'Danh mục thủ tục hành chính (công khai)',
        querystring: s.ProcedureListQuery,
        response: { 200: Type.Array(s.ProcedureSchema) },
      },
    },
    async (req) => svc.listProcedures(db, req.ctx, req.query),
  );

  app.get('/procedures/export', { schema: { tags, summary: 'Xuất danh mục thủ tục (xlsx)' } }, async (req, reply) => {
    signedIn(req.ctx);
    const buf = await exportProcedures(db);
    reply.header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.xlsx"');
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(buf);
  });

  app.post(
    '/procedures/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh mục thủ tục từ xlsx (tất cả hoặc không gì cả)',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }) },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      return importProcedures(db, ctx, await file.toBuffer());
    },
  );

  app.get(
    '/procedures/:id',
    { schema: { tags, summary: 'Một thủ tục', params: IdParams, response: { 200: s.ProcedureSchema } } },
    async (req) => svc.procedureView(await svc.getProcedure(db, req.params.id)),
  );

  app.get(
    '/procedures/:id/receiving-units',
    {
      schema: {
        tags,
        summary: 'Nơi tiếp nhận hồ sơ của thủ tục',
        params: IdParams,
        response: { 200: Type.Array(s.ReceivingUnitSchema) },
      },
    },
    async (req) => svc.receivingUnits(db, req.ctx, req.params.id),
  );

  app.post(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'Thêm thủ tục (quản trị)',
        body: s.ProcedureCreateBody,
        response: { 201: s.ProcedureSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createProcedure(db, signedIn(req.ctx), req.body)),
  );

  app.patch(
    '/procedures/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thủ tục (kèm version)',
        params: IdParams,
        body: s.ProcedureUpdateBody,
        response: { 200: s.ProcedureSchema },
      },
    },
    async (req) => svc.updateProcedure(db, signedIn(req.ctx), req.params.id, req.body as never),
  );
}
