import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import { canIntake } from './feedback.policy.ts';
import * as s from './feedback.schemas.ts';
import * as svc from './feedback.service.ts';
import * as views from './feedback-views.ts';
import './feedback.errors.ts';
import './feedback.metrics.ts';
import { registerFeedbackJobs } from './jobs/deadline-scan.ts';

const tags = ['feedback'];
/** Per-IP limit of the public intake (per contact: LIMITS in the service). */
export const PUBLIC_INTAKE_RATE = { max: 30, timeWindow: '1 minute' };
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** Reads a JSON body or multipart fields + photos into an intake input. */
async function readIntake<T extends typeof s.IntakeBody | typeof s.StaffIntakeBody>(req: FastifyRequest, schema: T) {
  if (!req.isMultipart())
    return { input: req.body as s.IntakeInput & Partial<s.StaffIntakeInput>, photos: [] as svc.Photo[] };
  const fields: Record<string, unknown> = {};
  const photos: svc.Photo[] = [];
  for await (const part of req.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: 10 } })) {
    if (part.type === 'file') photos.push({ filename: part.filename || 'photo', bytes: await part.toBuffer() });
    else fields[part.fieldname] = part.value;
  }
  for (const k of ['lat', 'long'])
    if (typeof fields[k] === 'string') fields[k] = fields[k] === '' ? undefined : Number(fields[k]);
  for (const k of Object.keys(fields)) if (fields[k] === '' || fields[k] === undefined) delete fields[k];
  const err = [...Value.Errors(schema, fields)][0];
  if (err) throw new AppError('VALIDATION_FAILED', { detail: `body${err.path} ${err.message}` });
  return { input: fields as s.IntakeInput & Partial<s.StaffIntakeInput>, photos };
}

/**
 * Validates a JSON body against the route's schema and lets a multipart body (which Fastify
 * leaves unparsed) through: readIntake validates its fields one by one.
 */
const multipartAware = ({ schema }: { schema: unknown }) => {
  const check = (data: unknown) => (data === undefined || data === null ? true : Value.Check(schema as never, data));
  return (data: unknown) =>
    check(data)
      ? { value: data }
      : {
          error: new AppError('VALIDATION_FAILED', {
            detail: [...Value.Errors(schema as never, data)].map((e) => `body${e.path} ${e.message}`).join('; '),
          }) as never,
        };
};

const idemKey = (req: FastifyRequest) => {
  const k = req.headers['idempotency-key'];
  return typeof k === 'string' && k.length > 0 && k.length <= 200 ? k : undefined;
};

const intakeReply = (r: svc.IntakeResult) => ({
  id: r.item.id,
  code: r.item.code,
  status: r.item.status,
  trackingKey: r.trackingKey,
  receivedAt: r.item.receivedAt.toISOString(),
  answerDue: r.item.answerDue,
  similar: r.similar,
});

export function registerFeedbackRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  registerFeedbackJobs(deps);

  // ── public ──
  app.get('/feedback/categories', { schema: { tags, summary: 'Lĩnh vực phản ánh (công khai)' } }, async () =>
    views.categories(db),
  );
  app.get('/feedback/areas', { schema: { tags, summary: 'Phường, xã có thể chọn khi gửi phản ánh' } }, async () =>
    views.areas(db),
  );

  app.post(
    '/feedback/items',
    {
      config: { rateLimit: PUBLIC_INTAKE_RATE },
      schema: {
        tags,
        summary:
          'Gửi phản ánh, kiến nghị (JSON hoặc multipart kèm ảnh). Header Idempotency-Key: gửi lại không tạo bản mới.',
        consumes: ['application/json', 'multipart/form-data'],
        body: Type.Optional(s.IntakeBody),
        response: { 201: s.IntakeReply, 200: s.IntakeReply },
      },
      validatorCompiler: multipartAware,
    },
    async (req, reply) => {
      const { input, photos } = await readIntake(req, s.IntakeBody);
      if (!input) throw new AppError('VALIDATION_FAILED', { detail: 'body required' });
      // open items are not public: the citizen is not shown other people's (staff see suggestions)
      const r = await svc.receive(db, req.ctx, input, {
        channel: 'web',
        photos,
        idempotencyKey: idemKey(req),
        suggest: false,
      });
      return reply.status(r.replay ? 200 : 201).send(intakeReply(r));
    },
  );

  app.get(
    '/feedback/similar',
    {
      schema: {
        tags,
        summary: 'Gợi ý phản ánh tương tự đang xử lý (cùng phường, lĩnh vực) — cho cán bộ tiếp nhận',
        querystring: Type.Object(
          {
            areaUnitId: Type.String({ format: 'uuid' }),
            categoryCode: Type.String({ maxLength: 40 }),
            text: Type.String({ maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      // open items (their titles are the citizens' own words, not yet redacted) are for staff only
      if (!canIntake(signedIn(req.ctx).actor)) throw new AppError('FORBIDDEN');
      return svc.similarOpen(db, {
        areaUnitId: req.query.areaUnitId,
        categoryCode: req.query.categoryCode,
        title: req.query.text,
        content: '',
      });
    },
  );

  app.get(
    '/feedback/public',
    {
      schema: {
        tags,
        summary: 'Tra cứu câu trả lời đã công khai (không dấu cũng tìm được)',
        querystring: s.PublicQuery,
      },
    },
    async (req) => views.publicSearch(db, req.query),
  );
  app.get(
    '/feedback/public/:code',
    { schema: { tags, summary: 'Một phản ánh đã công khai', params: s.CodeParams } },
    async (req) => views.publicItem(db, req.params.code),
  );

  const trackKey = (req: FastifyRequest) =>
    String(req.headers['x-tracking-key'] ?? (req.query as { key?: string }).key ?? '');
  app.get(
    '/feedback/track/:code',
    {
      schema: {
        tags,
        summary: 'Người gửi theo dõi phản ánh (mã + mã tra cứu, header X-Tracking-Key)',
        params: s.CodeParams,
        querystring: Type.Object({ key: Type.Optional(Type.String({ maxLength: 100 })) }),
      },
    },
    async (req) => views.trackingView(db, await svc.tracked(db, req.params.code, trackKey(req))),
  );
  app.post(
    '/feedback/track/:code/info',
    { schema: { tags, summary: 'Bổ sung thông tin theo yêu cầu', params: s.CodeParams, body: s.TrackingBody } },
    async (req) =>
      views.trackingView(
        db,
        await svc.citizenSupplyInfo(db, req.ctx, req.params.code, req.body.trackingKey, req.body.text ?? ''),
      ),
  );
  app.post(
    '/feedback/track/:code/rating',
    {
      schema: {
        tags,
        summary: 'Đánh giá câu trả lời (hài lòng / không hài lòng)',
        params: s.CodeParams,
        body: s.RatingBody,
      },
    },
    async (req) =>
      views.trackingView(
        db,
        await svc.citizenRate(db, req.ctx, req.params.code, req.body.trackingKey, req.body.rating),
      ),
  );
  app.post(
    '/feedback/track/:code/reopen',
    {
      schema: {
        tags,
        summary: 'Mở lại phản ánh khi không hài lòng (trong thời hạn)',
        params: s.CodeParams,
        body: s.TrackingBody,
      },
    },
    async (req) =>
      views.trackingView(
        db,
        await svc.citizenReopen(db, req.ctx, req.params.code, req.body.trackingKey, req.body.text ?? ''),
      ),
  );

  // ── staff ──
  app.post(
    '/feedback/intake',
    {
      schema: {
        tags,
        summary: 'Cán bộ tiếp nhận phản ánh (đường dây nóng, trực tiếp, thư)',
        consumes: ['application/json', 'multipart/form-data'],
        body: Type.Optional(s.StaffIntakeBody),
        response: { 201: s.IntakeReply, 200: s.IntakeReply },
      },
      // photos of a letter or from the counter come as multipart
      validatorCompiler: multipartAware,
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      if (!canIntake(ctx.actor)) throw new AppError('FORBIDDEN');
      const { input, photos } = await readIntake(req, s.StaffIntakeBody);
      if (!input?.channel) throw new AppError('VALIDATION_FAILED', { detail: 'body/channel required' });
      const { channel, receivedAt, ...rest } = input as s.StaffIntakeInput;
      const at = receivedAt ? new Date(receivedAt) : undefined;
      if (at && at.getTime() > ctx.now.getTime())
        throw new AppError('BAD_REQUEST', { detail: 'receivedAt is in the future' });
      const r = await svc.receive(db, ctx, rest, {
        channel: channel as svc.Channel,
        receivedAt: at,
        photos,
        idempotencyKey: idemKey(req),
        rateLimit: false,
      });
      return reply.status(r.replay ? 200 : 201).send(intakeReply(r));
    },
  );

  app.get(
    '/feedback/items',
    { schema: { tags, summary: 'Hộp thư xử lý phản ánh (trong phạm vi đơn vị)', querystring: s.InboxQuery } },
    async (req) => views.inbox(db, signedIn(req.ctx), req.query),
  );
  app.get(
    '/feedback/items/:id',
    { schema: { tags, summary: 'Chi tiết phản ánh, lịch sử, trùng lặp', params: s.IdParams } },
    async (req) => views.detail(db, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/feedback/items/:id/attachments/:attId',
    {
      schema: {
        tags,
        summary: 'Ảnh đính kèm',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), attId: Type.String({ format: 'uuid' }) }),
      },
    },
    async (req, reply) => {
      const a = await views.attachment(db, signedIn(req.ctx), req.params.id, req.params.attId);
      reply.header('content-disposition', 'inline');
      reply.header('content-security-policy', "default-src 'none'");
      return reply.type(a.mime).send(a.bytes);
    },
  );
  app.post(
    '/feedback/items/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Chuyển trạng thái: từ chối, yêu cầu bổ sung, phân công, dự thảo, duyệt, gửi, công khai, chuyển đơn vị, sửa lĩnh vực, gộp trùng',
        params: s.IdParams,
        body: s.ActionBody,
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const after = await svc.act(db, ctx, req.params.id, req.body);
      return views
        .detail(db, ctx, after.id)
        .catch(() => ({ id: after.id, code: after.code, status: after.status, version: after.version }));
    },
  );

  app.get(
    '/feedback/stats',
    { schema: { tags, summary: 'Thống kê theo lĩnh vực, đơn vị, kênh, tháng', querystring: s.StatsQuery } },
    async (req) => views.stats(db, signedIn(req.ctx), req.query),
  );

  // ── administration ──
  app.post(
    '/feedback/categories',
    { schema: { tags, summary: 'Thêm lĩnh vực', body: s.CategoryBody } },
    async (req, reply) => reply.status(201).send(await views.createCategory(db, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/feedback/categories/:code',
    {
      schema: { tags, summary: 'Sửa lĩnh vực (thời hạn, lĩnh vực nóng)', params: s.CodeParams, body: s.CategoryPatch },
    },
    async (req) => views.updateCategory(db, signedIn(req.ctx), req.params.code, req.body),
  );
  app.get('/feedback/routing-rules', { schema: { tags, summary: 'Quy tắc phân công' } }, async (req) =>
    views.rules(db, signedIn(req.ctx)),
  );
  app.post(
    '/feedback/routing-rules',
    { schema: { tags, summary: 'Thêm quy tắc phân công', body: s.RuleBody } },
    async (req, reply) => reply.status(201).send(await views.createRule(db, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/feedback/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Sửa quy tắc phân công (đơn vị chịu trách nhiệm, Trưởng đơn vị trả lời)',
        params: s.IdParams,
        body: s.RulePatch,
      },
    },
    async (req) => views.updateRule(db, signedIn(req.ctx), req.params.id, req.body),
  );
  app.delete(
    '/feedback/routing-rules/:id',
    { schema: { tags, summary: 'Xoá quy tắc phân công', params: s.IdParams } },
    async (req, reply) => {
      await views.deleteRule(db, signedIn(req.ctx), req.params.id);
      return reply.status(204).send();
    },
  );
}
