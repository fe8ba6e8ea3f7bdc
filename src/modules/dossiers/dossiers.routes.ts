import { FormatRegistry, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import { cachedProcedure as getProcedure } from '../procedures/procedures.service.ts';
import { recordFee } from './dossier-fees.service.ts';
import {
  componentTypes,
  discardFiles,
  keepFilesIf,
  readMultipart,
  type StoredFile,
  storeFiles,
} from './dossier-files.ts';
import { publicLookup, rateDossier } from './dossier-lookup.ts';
import * as repo from './dossiers.repository.ts';
import * as s from './dossiers.schemas.ts';
import * as svc from './dossiers.service.ts';
import { statsFor } from './dossiers-stats.service.ts';
import { DUE_WARNINGS_JOB, scanDueWarnings, setNearDueDays } from './due-warnings.ts';
import { FileMissingError, fileStoreFor } from './files/file-store.ts';
import { renderForm } from './forms/forms-pdf.ts';
import { processOutbox } from './notify/outbox.ts';
import { transportsFor } from './notify/transports.ts';
import './stats/metrics.ts';

const tags = ['dossiers'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const idemKey = (h: unknown) => (typeof h === 'string' && /^[\w.:-]{8,100}$/.test(h) ? h : null);

// formats used by the schemas validated here by hand (multipart metadata)
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
};
for (const [name, re] of Object.entries(FORMATS))
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, (v) => re.test(v));

function validate<T>(schema: import('@sinclair/typebox').TSchema, v: unknown): T {
  const err = [...Value.Errors(schema, v)][0];
  if (err) throw new AppError('VALIDATION_FAILED', { detail: `${err.path || '/'} ${err.message}` });
  return v as T;
}

export function registerDossierRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const store = fileStoreFor(deps.config);
  const maxBytes = deps.config.uploadMaxBytes;
  const transports = transportsFor(deps.config);

  deps.jobs.register({
    name: 'dossiers-outbox',
    cron: '* * * * *',
    handler: async () => void (await processOutbox(db, transports)),
  });
  setNearDueDays(deps.config.dossierNearDueDays);
  // hourly in office hours; whether a day is a working day is the calendar's business
  deps.jobs.register({
    name: DUE_WARNINGS_JOB,
    cron: '5 7-17 * * *',
    handler: async () => void (await scanDueWarnings(db, new Date())),
  });

  app.post(
    '/dossiers',
    {
      schema: {
        tags,
        summary:
          'Nộp hồ sơ trực tuyến (JSON, hoặc multipart: metadata + một tệp cho mỗi thành phần); hỗ trợ Idempotency-Key',
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      let body: s.SubmitInput;
      let files: StoredFile[] = [];
      if (req.isMultipart()) {
        const { metadata, buffered } = await readMultipart(req, maxBytes);
        body = validate<s.SubmitInput>(s.SubmitBody, metadata);
        const p = await getProcedure(db, body.procedureId);
        files = await storeFiles(buffered, store, componentTypes(p));
      } else body = validate<s.SubmitInput>(s.SubmitBody, req.body);
      const r = await keepFilesIf(store, files, () =>
        svc.submitOnline(db, ctx, body, files, idemKey(req.headers['idempotency-key'])),
      );
      // a replay answers with the dossier recorded the first time: these copies are not needed
      if (r.replayed) await discardFiles(store, files);
      return reply.status(r.replayed ? 200 : 201).send(r.dossier);
    },
  );

  app.post(
    '/dossiers/intake',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa',
        body: s.IntakeBody,
        response: { 201: s.DossierSchema, 200: s.DossierSchema },
      },
    },
    async (req, reply) => {
      const r = await svc.intakeAtCounter(db, signedIn(req.ctx), req.body, idemKey(req.headers['idempotency-key']));
      return reply.status(r.replayed ? 200 : 201).send(r.dossier);
    },
  );

  app.get(
    '/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ (hàng chờ, tất cả trong phạm vi, hoặc của tôi)',
        querystring: s.DossierListQuery,
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(s.DossierSchema) }) },
      },
    },
    async (req) => svc.listDossiers(db, signedIn(req.ctx), req.query),
  );

  app.get(
    '/dossiers/stats',
    { schema: { tags, summary: 'Thống kê tiếp nhận, giải quyết hồ sơ (chỉ số QĐ 766)', querystring: s.StatsQuery } },
    async (req) => statsFor(db, signedIn(req.ctx), req.query),
  );

  app.get(
    '/dossiers/:id',
    { schema: { tags, summary: 'Chi tiết hồ sơ', params: IdParams, response: { 200: s.DossierSchema } } },
    async (req) => svc.getDossierView(db, signedIn(req.ctx), req.params.id),
  );

  app.post(
    '/dossiers/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Chuyển trạng thái hồ sơ (tiếp nhận, chuyển, trả lại, duyệt, từ chối, dừng, rút, trả kết quả, xin lỗi…)',
        params: IdParams,
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (req.isMultipart()) {
        // a supplement with files: metadata = the transition body
        const { metadata, buffered } = await readMultipart(req, maxBytes);
        const body = validate<s.TransitionInput>(s.TransitionBody, metadata);
        const d = await svc.visibleDossier(db, ctx.actor, req.params.id);
        const files = await storeFiles(buffered, store, componentTypes(await getProcedure(db, d.procedureId)));
        return keepFilesIf(store, files, () => svc.transition(db, ctx, req.params.id, body, files));
      }
      return svc.transition(db, ctx, req.params.id, validate<s.TransitionInput>(s.TransitionBody, req.body));
    },
  );

  app.post(
    '/dossiers/:id/fee',
    {
      schema: {
        tags,
        summary: 'Ghi nhận đã thu phí, lệ phí (số tiền, hình thức, số biên lai) — Bộ phận Một cửa',
        params: IdParams,
        body: s.FeeBody,
        response: { 200: s.DossierSchema },
      },
    },
    async (req) => recordFee(db, signedIn(req.ctx), req.params.id, req.body),
  );

  app.post(
    '/dossiers/:id/result',
    {
      schema: {
        tags,
        summary: 'Đính kèm kết quả điện tử (tệp "result")',
        params: IdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      const d = await svc.visibleDossier(db, ctx.actor, req.params.id);
      const p = await getProcedure(db, d.procedureId);
      if (
        !['processing', 'resolved'].includes(d.status) ||
        !(svc.mayAct(ctx.actor, d, p, 'approve') || svc.mayAct(ctx.actor, d, p, 'return_result'))
      ) {
        throw new AppError(
          'DOSSIER_ACTION_NOT_ALLOWED',
          { action: 'result', status: d.status },
          { allowedActions: [] },
        );
      }
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const { buffered } = await readMultipart(req, maxBytes);
      const files = await storeFiles(buffered, store, (f) => (f === 'result' ? ['pdf'] : null));
      if (!files.length) throw new AppError('BAD_REQUEST', { detail: 'file "result" missing' });
      await keepFilesIf(store, files, () => svc.attachResultFiles(db, ctx, d, files));
      return reply.status(201).send({ files: files.length });
    },
  );

  app.get(
    '/dossiers/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải tệp của hồ sơ (chỉ người được xem hồ sơ)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }),
      },
    },
    async (req, reply) => {
      const d = await svc.visibleDossier(db, signedIn(req.ctx).actor, req.params.id);
      const f = await repo.getFile(db, d.id, req.params.fileId);
      if (!f) throw new AppError('NOT_FOUND', { what: 'file' });
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      reply.type(f.contentType);
      let data: Buffer;
      try {
        data = await store.get(f.storageKey);
      } catch (e) {
        if (e instanceof FileMissingError) throw new AppError('NOT_FOUND', { what: 'file' });
        throw e;
      }
      return reply.send(data);
    },
  );

  app.get(
    '/dossiers/:id/forms/:form',
    {
      schema: {
        tags,
        summary: 'Phiếu 01–05 (PDF)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          form: Type.Union(['01', '02', '03', '04', '05'].map((f) => Type.Literal(f))),
        }),
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      const view = await svc.getDossierView(db, ctx, req.params.id);
      if (!view.forms.includes(req.params.form))
        throw new AppError('DOSSIER_FORM_UNAVAILABLE', { form: req.params.form });
      const evs = await repo.events(db, view.id);
      const sup = evs.find((e) => e.action === 'request_supplement');
      const apo = evs.find((e) => e.action === 'apologise');
      const pdf = await renderForm(req.params.form, view, {
        missing: (sup?.data as { missing?: string[] } | null)?.missing,
        previousDueDate: (apo?.data as { previousDueDate?: string } | null)?.previousDueDate ?? null,
        reason: view.reason,
        officer: ctx.actor.fullName,
        now: ctx.now,
      });
      reply.header('content-disposition', `inline; filename="mau-${req.params.form}-${view.code}.pdf"`);
      reply.type('application/pdf');
      return reply.send(pdf);
    },
  );

  app.get(
    '/public/dossiers/lookup',
    {
      schema: {
        tags,
        summary: 'Tra cứu hồ sơ công khai: mã hồ sơ + 4 số cuối điện thoại',
        querystring: s.LookupQuery,
        response: { 200: s.PublicLookupSchema },
      },
    },
    async (req) => publicLookup(db, req.ctx, req.query.code, req.query.phone4),
  );

  app.post(
    '/public/dossiers/rating',
    { schema: { tags, summary: 'Đánh giá mức độ hài lòng sau khi nhận kết quả', body: s.RateBody } },
    async (req) => rateDossier(db, req.ctx, req.body),
  );
}
