/** HTTP of the reform index (Chỉ số CCHC). Published results are public; everything else signs in. */
import { type Static, Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import type { Lang } from './domain/index.ts';
import { getMetric, listMetrics } from './metrics/metric-registry.ts';
import * as evidence from './reform-index.evidence.ts';
import * as groups from './reform-index.groups.ts';
import { resultsPdf } from './reform-index.pdf.ts';
import * as policy from './reform-index.policy.ts';
import * as repo from './reform-index.repository.ts';
import * as results from './reform-index.results.ts';
import * as s from './reform-index.schemas.ts';
import * as svc from './reform-index.service.ts';
import * as survey from './reform-index.survey.ts';
import * as xlsx from './reform-index.xlsx.ts';

const pub = ['reform-index (public)'];
const tags = ['reform-index'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Any = Type.Any();
const lang = (q: { lang?: Lang } | undefined, fallback: Lang): Lang => q?.lang ?? fallback;

export function registerReformIndexRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const base = '/reform-index';

  // ---------- public ----------
  app.get(
    `${base}/results`,
    {
      schema: {
        tags: pub,
        summary: 'Kết quả Chỉ số CCHC đã công bố (không cần đăng nhập)',
        description: 'Only published cycles. `group` is the peer group id (its stable code, e.g. HN-QHTX) or its uuid.',
        querystring: s.ResultsQuery,
        response: { 200: s.ResultsResponse },
      },
    },
    async (req) => results.publicResults(db, req.query),
  );

  app.get(
    `${base}/results/export.xlsx`,
    { schema: { tags: pub, summary: 'Bảng kết quả đầy đủ (xlsx)', querystring: s.ExportQuery, produces: [XLSX] } },
    async (req, reply) => {
      const view = await results.publicResults(db, req.query);
      reply.header('content-disposition', `attachment; filename="chi-so-cchc-${req.query.year}.xlsx"`);
      return reply.type(XLSX).send(await xlsx.resultsXlsx(view));
    },
  );

  app.get(
    `${base}/results/report.pdf`,
    {
      schema: {
        tags: pub,
        summary: 'Báo cáo PDF: xếp hạng, nhận xét, biểu đồ',
        querystring: Type.Composite(
          [s.ExportQuery, Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])) })],
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const view = await results.publicResults(db, req.query);
      const l = lang(req.query, req.ctx.locale);
      const narratives = new Map<string, string>();
      for (const g of view.groups)
        narratives.set(
          g.groupId,
          (await results.unitNarrative(db, { year: req.query.year, group: g.groupId, lang: l })).text,
        );
      reply.header('content-disposition', `attachment; filename="bao-cao-chi-so-cchc-${req.query.year}.pdf"`);
      return reply.type('application/pdf').send(await resultsPdf(view, narratives, l));
    },
  );

  app.get(
    `${base}/units/:unitCode/profile`,
    {
      schema: {
        tags: pub,
        summary: 'Hồ sơ kết quả của một đơn vị qua các năm (lĩnh vực, xu hướng, nhận xét)',
        params: s.CodeParams,
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            unitCode: Type.String(),
            unitName: Type.String(),
            unitShortName: Type.String(),
            unitNameEn: Type.Union([Type.String(), Type.Null()]),
            years: Type.Array(Type.Composite([Type.Object({ year: Type.Integer() }), s.UnitResultSchema])),
            narrative: Type.String(),
          }),
        },
      },
    },
    async (req) => results.unitProfile(db, req.params.unitCode, lang(req.query, req.ctx.locale)),
  );

  app.get(
    `${base}/narrative`,
    {
      schema: {
        tags: pub,
        summary: 'Nhận xét tự động (vi/en) về kết quả của một đơn vị hoặc một nhóm',
        querystring: s.NarrativeQuery,
        response: { 200: Type.Object({ year: Type.Integer(), lang: Type.String(), text: Type.String() }) },
      },
    },
    async (req) => results.unitNarrative(db, { ...req.query, lang: lang(req.query, req.ctx.locale) }),
  );

  app.get(
    `${base}/metrics`,
    {
      schema: {
        tags: pub,
        summary: 'Các chỉ số đo lường từ dữ liệu cchc đã đăng ký',
        response: {
          200: Type.Array(
            Type.Object({
              key: Type.String(),
              name: Type.Object({ vi: Type.String(), en: Type.String() }),
              unit: Type.String(),
              source: Type.Optional(Type.String()),
            }),
          ),
        },
      },
    },
    async () =>
      listMetrics().map((m) => ({ key: m.key, name: m.name, unit: m.unit, ...(m.source ? { source: m.source } : {}) })),
  );

  // ---------- peer groups, frameworks ----------
  app.get(
    `${base}/groups`,
    {
      schema: {
        tags,
        summary: 'Nhóm xếp hạng',
        querystring: Type.Object({ year: Type.Optional(Type.Integer()) }),
        response: { 200: Any },
      },
    },
    async (req) => svc.listGroups(db, signedIn(req.ctx), req.query.year),
  );
  app.post(
    `${base}/groups`,
    { schema: { tags, summary: 'Tạo nhóm xếp hạng', body: s.PeerGroupBody, response: { 201: Any } } },
    async (req, reply) => reply.status(201).send(await svc.createGroup(db, signedIn(req.ctx), req.body)),
  );

  app.get(
    `${base}/groups/:id`,
    {
      schema: {
        tags,
        summary: 'Một nhóm xếp hạng với các đơn vị thành viên và khối',
        params: s.IdParams,
        response: { 200: Any },
      },
    },
    async (req) => groups.getGroupView(db, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    `${base}/groups/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa nhóm xếp hạng (tên, nhãn, đơn vị thành viên, khối; kèm version)',
        description: 'Members cannot change once a cycle of the group is open (409 RI_GROUP_FROZEN).',
        params: s.IdParams,
        body: s.PeerGroupUpdateBody,
        response: { 200: Any },
      },
    },
    async (req) => groups.updateGroup(db, signedIn(req.ctx), req.params.id, req.body),
  );

  app.get(`${base}/frameworks`, { schema: { tags, summary: 'Các bộ chỉ số', response: { 200: Any } } }, async (req) =>
    svc.listFrameworks(db, signedIn(req.ctx)),
  );
  app.post(
    `${base}/frameworks`,
    { schema: { tags, summary: 'Tạo bộ chỉ số (cây tiêu chí)', body: s.FrameworkBody, response: { 201: Any } } },
    async (req, reply) =>
      reply.status(201).send(await svc.createFramework(db, signedIn(req.ctx), req.body as s.FrameworkInput)),
  );
  app.get(
    `${base}/frameworks/template.xlsx`,
    { schema: { tags, summary: 'Mẫu xlsx bộ chỉ số (trống)', produces: [XLSX] } },
    async (req, reply) => {
      signedIn(req.ctx);
      reply.header('content-disposition', 'attachment; filename="mau-bo-chi-so.xlsx"');
      return reply.type(XLSX).send(await xlsx.frameworkXlsx([]));
    },
  );
  app.get(
    `${base}/frameworks/:id`,
    { schema: { tags, summary: 'Một bộ chỉ số với cây tiêu chí', params: s.IdParams, response: { 200: Any } } },
    async (req) => svc.getFrameworkView(db, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    `${base}/frameworks/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa bộ chỉ số nháp (kèm version)',
        params: s.IdParams,
        body: s.FrameworkUpdateBody,
        response: { 200: Any },
      },
    },
    async (req) =>
      svc.updateFramework(db, signedIn(req.ctx), req.params.id, req.body as Static<typeof s.FrameworkUpdateBody>),
  );
  app.post(
    `${base}/frameworks/:id/copy`,
    {
      schema: {
        tags,
        summary: 'Sao chép bộ chỉ số (năm trước → năm nay)',
        params: s.IdParams,
        body: s.FrameworkCopyBody,
        response: { 201: Any },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.copyFramework(db, signedIn(req.ctx), req.params.id, req.body)),
  );
  app.get(
    `${base}/frameworks/:id/export.xlsx`,
    { schema: { tags, summary: 'Xuất bộ chỉ số ra xlsx', params: s.IdParams, produces: [XLSX] } },
    async (req, reply) => {
      await svc.getFrameworkView(db, signedIn(req.ctx), req.params.id);
      const out = await xlsx.exportFrameworkXlsx(db, req.params.id);
      reply.header('content-disposition', `attachment; filename="${out.code}.xlsx"`);
      return reply.type(XLSX).send(out.buf);
    },
  );
  app.post(
    `${base}/frameworks/:id/import`,
    {
      schema: {
        tags,
        summary: 'Nhập cây tiêu chí từ xlsx (tất cả hoặc không gì cả; báo mọi dòng, ô sai)',
        params: s.IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: Any },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      return xlsx.importFrameworkXlsx(db, ctx, req.params.id, await file.toBuffer());
    },
  );

  // ---------- cycles ----------
  app.get(
    `${base}/work`,
    { schema: { tags, summary: 'Kỳ đánh giá và hồ sơ trong phạm vi của người dùng', response: { 200: Any } } },
    async (req) => svc.myWork(db, signedIn(req.ctx)),
  );
  app.post(
    `${base}/cycles`,
    {
      schema: {
        tags,
        summary: 'Mở kỳ đánh giá (khóa bộ chỉ số, tạo hồ sơ cho các đơn vị)',
        body: s.CycleBody,
        response: { 201: Any },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.openCycle(db, signedIn(req.ctx), req.body)),
  );
  for (const action of ['start-appraisal', 'close-appraisal', 'publish'] as const) {
    app.post(
      `${base}/cycles/:id/${action}`,
      { schema: { tags, summary: `Kỳ đánh giá: ${action}`, params: s.IdParams, response: { 200: Any } } },
      async (req) => svc.transitionCycle(db, signedIn(req.ctx), req.params.id, action, results.recomputeCycle),
    );
  }
  app.post(
    `${base}/cycles/:id/recompute`,
    { schema: { tags, summary: 'Tính lại kết quả từ điểm đã lưu', params: s.IdParams, response: { 200: Any } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const c = await svc.cycleContext(db, req.params.id);
      if (!policy.canManageGroup(ctx.actor, c.ownerPath)) throw new AppError('NOT_FOUND', { what: 'cycle' });
      if (c.cycle.status === 'published')
        throw new AppError('RI_CYCLE_STATE', { status: c.cycle.status, action: 'recompute (use a correction)' });
      const out = await results.recomputeCycle(db, req.params.id);
      return { units: out.units.length, issues: out.issues.length, issueSample: out.issues.slice(0, 50) };
    },
  );
  app.get(
    `${base}/cycles/:id/results`,
    {
      schema: {
        tags,
        summary: 'Kết quả (kể cả chưa công bố) của một kỳ',
        params: s.IdParams,
        response: { 200: s.ResultsResponse },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const c = await svc.cycleContext(db, req.params.id);
      if (!policy.canReadGroup(ctx.actor, c.ownerPath)) throw new AppError('NOT_FOUND', { what: 'cycle' });
      return results.cycleResults(db, req.params.id);
    },
  );
  app.post(
    `${base}/cycles/:id/survey`,
    {
      schema: {
        tags,
        summary: 'Nhập điểm điều tra XHH (tất cả hoặc không gì cả)',
        params: s.IdParams,
        body: s.SurveyBody,
        response: { 200: Any },
      },
    },
    async (req) => survey.enterSurvey(db, signedIn(req.ctx), req.params.id, req.body.scores),
  );
  app.get(
    `${base}/cycles/:id/survey`,
    {
      schema: {
        tags,
        summary: 'Điểm điều tra XHH đã nhập của kỳ (tiêu chí điều tra × đơn vị)',
        params: s.IdParams,
        response: {
          200: Type.Object({
            cycleId: Type.String(),
            status: Type.String(),
            editable: Type.Boolean(),
            criteria: Type.Array(
              Type.Object({ code: Type.String(), name: Type.String(), maxPoints: Type.Number(), rule: Any }),
            ),
            units: Type.Array(
              Type.Object({
                unitCode: Type.String(),
                unitName: Type.String(),
                points: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
              }),
            ),
          }),
        },
      },
    },
    async (req) => survey.surveySheet(db, signedIn(req.ctx), req.params.id),
  );
  app.get(
    `${base}/cycles/:id/survey/template.xlsx`,
    {
      schema: {
        tags,
        summary: 'Mẫu xlsx điểm điều tra XHH của kỳ (mỗi đơn vị × tiêu chí điều tra, kèm điểm đã nhập)',
        params: s.IdParams,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const out = await survey.surveyTemplateXlsx(db, signedIn(req.ctx), req.params.id);
      reply.header('content-disposition', `attachment; filename="dieu-tra-xhh-${out.code}.xlsx"`);
      return reply.type(XLSX).send(out.buf);
    },
  );
  app.post(
    `${base}/cycles/:id/survey/import`,
    {
      schema: {
        tags,
        summary: 'Nhập điểm điều tra XHH từ xlsx (tất cả hoặc không gì cả; 422 liệt kê mọi dòng, ô sai)',
        params: s.IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ saved: Type.Integer() }) },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      const buf = await file.toBuffer();
      if (file.file.truncated) throw new AppError('RI_EVIDENCE_TOO_LARGE', { max: deps.config.uploadMaxBytes });
      return survey.importSurveyXlsx(db, ctx, req.params.id, buf, file.filename);
    },
  );
  app.post(
    `${base}/cycles/:id/corrections`,
    {
      schema: {
        tags,
        summary: 'Điều chỉnh sau công bố (ai, vì sao, cũ → mới); tính lại mọi kết quả liên quan',
        params: s.IdParams,
        body: s.CorrectionBody,
        response: { 200: Any },
      },
    },
    async (req) =>
      svc.correct(db, signedIn(req.ctx), req.params.id, req.body, results.recomputeCycle, results.downstreamCycles),
  );
  app.get(
    `${base}/cycles/:id/corrections`,
    { schema: { tags, summary: 'Lịch sử điều chỉnh sau công bố', params: s.IdParams, response: { 200: Any } } },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const c = await svc.cycleContext(db, req.params.id);
      if (!policy.canReadGroup(ctx.actor, c.ownerPath)) throw new AppError('NOT_FOUND', { what: 'cycle' });
      return repo.correctionsOf(db, req.params.id);
    },
  );

  // ---------- assessments ----------
  app.get(
    `${base}/assessments/:id`,
    {
      schema: {
        tags,
        summary: 'Hồ sơ tự đánh giá: cây tiêu chí, điểm, tài liệu kiểm chứng, tiến độ',
        params: s.IdParams,
        response: { 200: Any },
      },
    },
    async (req) => svc.assessmentView(db, signedIn(req.ctx), req.params.id),
  );
  app.put(
    `${base}/assessments/:id/scores/:criterionCode`,
    {
      schema: {
        tags,
        summary: 'Tự chấm điểm một tiêu chí (đầu mối của đơn vị)',
        params: s.ScoreParams,
        body: s.SelfScoreBody,
        response: { 200: Any },
      },
    },
    async (req) =>
      svc.selfScore(
        db,
        signedIn(req.ctx),
        req.params.id,
        req.params.criterionCode,
        req.body as Static<typeof s.SelfScoreBody>,
      ),
  );
  app.put(
    `${base}/assessments/:id/appraisals/:criterionCode`,
    {
      schema: {
        tags,
        summary: 'Thẩm định một tiêu chí (chấp nhận hoặc điều chỉnh, có lý do; 409 kèm giá trị của người khác)',
        params: s.ScoreParams,
        body: s.AppraiseBody,
        response: { 200: Any },
      },
    },
    async (req) => svc.appraiseScore(db, signedIn(req.ctx), req.params.id, req.params.criterionCode, req.body),
  );
  app.post(
    `${base}/assessments/:id/submit`,
    { schema: { tags, summary: 'Gửi hồ sơ tự đánh giá', params: s.IdParams, response: { 200: Any } } },
    async (req) => svc.submitAssessment(db, signedIn(req.ctx), req.params.id),
  );
  app.post(
    `${base}/assessments/:id/return`,
    {
      schema: {
        tags,
        summary: 'Trả lại hồ sơ để giải trình (một lần mỗi vòng)',
        params: s.IdParams,
        body: s.ReturnBody,
        response: { 200: Any },
      },
    },
    async (req) => svc.returnAssessment(db, signedIn(req.ctx), req.params.id, req.body.reason),
  );
  app.post(
    `${base}/assessments/:id/complete`,
    { schema: { tags, summary: 'Hoàn thành thẩm định hồ sơ', params: s.IdParams, response: { 200: Any } } },
    async (req) => svc.completeAppraisal(db, signedIn(req.ctx), req.params.id),
  );
  app.post(
    `${base}/assessments/:id/evidence/:criterionCode`,
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng (PDF, PNG, JPEG, DOCX, XLSX)',
        params: s.ScoreParams,
        consumes: ['multipart/form-data'],
        response: { 201: Any },
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      const buf = await file.toBuffer();
      if (file.file.truncated) throw new AppError('RI_EVIDENCE_TOO_LARGE', { max: deps.config.uploadMaxBytes });
      const max = Math.min(deps.config.uploadMaxBytes, evidence.EVIDENCE_MAX_BYTES);
      const row = await evidence.addFileEvidence(
        db,
        ctx,
        deps.config.dataDir,
        req.params.id,
        req.params.criterionCode,
        { fileName: file.filename, buf },
        max,
      );
      return reply.status(201).send(row);
    },
  );
  app.post(
    `${base}/assessments/:id/evidence/:criterionCode/link`,
    {
      schema: {
        tags,
        summary: 'Gắn liên kết tới hồ sơ/bản ghi cchc làm tài liệu kiểm chứng',
        params: s.ScoreParams,
        body: s.LinkEvidenceBody,
        response: { 201: Any },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await evidence.addLinkEvidence(db, signedIn(req.ctx), req.params.id, req.params.criterionCode, req.body)),
  );
  app.get(
    `${base}/evidence/:id/file`,
    { schema: { tags, summary: 'Tải tệp tài liệu kiểm chứng', params: s.IdParams } },
    async (req, reply) => {
      const { row, buf } = await evidence.evidenceFile(db, signedIn(req.ctx), deps.config.dataDir, req.params.id);
      reply.header('content-disposition', `attachment; filename="${encodeURIComponent(row.fileName ?? 'evidence')}"`);
      return reply.type(row.contentType ?? 'application/octet-stream').send(buf);
    },
  );
  app.get(
    `${base}/assessments/:id/metrics/:criterionCode`,
    {
      schema: {
        tags,
        summary: 'Tiêu chí tính từ dữ liệu: giá trị đo và danh sách bản ghi phía sau (drill-down)',
        params: s.ScoreParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Any },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      const a = await svc.assessmentContext(db, ctx.actor, req.params.id);
      const crit = (await repo.listCriteria(db, a.framework.id)).find((c) => c.code === req.params.criterionCode);
      if (crit?.method !== 'computed' || !crit.metricKey)
        throw new AppError('RI_CRITERION_NOT_LEAF', { criterion: req.params.criterionCode });
      const score = await repo.getScore(db, req.params.id, crit.code);
      const metric = getMetric(crit.metricKey);
      if (!metric)
        return {
          metricKey: crit.metricKey,
          registered: false,
          value: null,
          snapshot: score?.metricSnapshot ?? null,
          total: 0,
          items: [],
        };
      const scope = {
        unitId: a.unit.id,
        unitPath: a.unit.path,
        from: new Date(`${a.cycle.periodFrom}T00:00:00+07:00`),
        to: new Date(Date.parse(`${a.cycle.periodTo}T00:00:00+07:00`) + 86_400_000),
      };
      const page = await metric.drillDown(db, scope, { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 });
      return {
        metricKey: crit.metricKey,
        registered: true,
        name: metric.name,
        value: score?.computedValue ?? null,
        snapshot: score?.metricSnapshot ?? null,
        ...page,
      };
    },
  );
}
