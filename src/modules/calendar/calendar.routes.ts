import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { signedIn } from '../../platform/http/types.ts';
import * as s from './calendar.schemas.ts';
import * as svc from './calendar.service.ts';
import { scheduleToJson, scheduleToXlsx } from './calendar-transfer.ts';
import './calendar.errors.ts';

const tags = ['calendar'];
const adminTags = ['calendar admin'];

export function registerCalendarRoutes(app: App, deps: Deps) {
  const db = deps.database.db;

  // Public: no sign-in needed.
  app.get(
    '/calendar/due-date',
    {
      schema: {
        tags,
        summary: 'Hạn giải quyết: ngày tiếp nhận (sau 15:00 hoặc ngày nghỉ → ngày làm việc kế tiếp) + N ngày làm việc',
        querystring: s.DueDateQuery,
        response: { 200: s.DueDateSchema },
      },
    },
    async (req) => svc.dueDate(db, req.query),
  );

  app.get(
    '/calendar/lunar/:date',
    {
      schema: {
        tags,
        summary: 'Ngày âm lịch Việt Nam (UTC+7) của một ngày dương lịch (1900–2199)',
        params: s.LunarParams,
        querystring: s.NoQuery,
        response: { 200: s.LunarSchema },
      },
    },
    async (req) => svc.lunarDate(req.params.date),
  );

  app.get(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Ngày nghỉ và ngày làm bù của một năm (chính thức hoặc dự kiến)',
        params: s.YearParams,
        querystring: s.NoQuery,
        response: { 200: s.YearSchema },
      },
    },
    async (req) => svc.yearOverview(db, Number(req.params.year)),
  );

  // Administration: a root administrator edits a year's official schedule.
  app.get(
    '/calendar/schedules/:year',
    {
      schema: {
        tags: adminTags,
        summary: 'Lịch nghỉ đang áp dụng của một năm và nguồn gốc (đã sửa, kèm theo phần mềm, dự kiến)',
        params: s.YearParams,
        response: { 200: s.ScheduleSchema },
      },
    },
    async (req) => svc.readSchedule(db, signedIn(req.ctx), Number(req.params.year)),
  );

  app.put(
    '/calendar/schedules/:year',
    {
      schema: {
        tags: adminTags,
        summary: 'Thay lịch nghỉ của một năm theo thông báo chính thức (kèm version khi đã sửa trước đó)',
        params: s.YearParams,
        body: s.ScheduleBody,
        response: { 200: s.ScheduleSchema },
      },
    },
    async (req) => svc.replaceSchedule(db, signedIn(req.ctx), Number(req.params.year), req.body),
  );

  app.delete(
    '/calendar/schedules/:year',
    {
      schema: {
        tags: adminTags,
        summary: 'Bỏ lịch đã sửa: năm đó quay về lịch kèm theo phần mềm hoặc lịch dự kiến',
        params: s.YearParams,
        querystring: s.DeleteQuery,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await svc.deleteSchedule(db, signedIn(req.ctx), Number(req.params.year), req.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/schedules/:year/export',
    {
      schema: {
        tags: adminTags,
        summary: 'Tải lịch nghỉ của một năm (xlsx hoặc JSON, đúng định dạng nhập)',
        params: s.YearParams,
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('json')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const schedule = await svc.scheduleForExport(db, signedIn(req.ctx), Number(req.params.year));
      const format = req.query.format ?? 'xlsx';
      reply.header('content-disposition', `attachment; filename="lich-nghi-${schedule.year}.${format}"`);
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(scheduleToJson(schedule));
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(await scheduleToXlsx(schedule));
    },
  );

  app.post(
    '/calendar/schedules/import',
    {
      schema: {
        tags: adminTags,
        summary:
          'Nhập lịch nghỉ từ tệp JSON hoặc xlsx (trang 1: date, kind, name; trang "Văn bản": year, source); tất cả hoặc không gì cả',
        consumes: ['multipart/form-data'],
        response: { 200: s.ImportResult },
      },
    },
    async (req) => {
      const ctx = signedIn(req.ctx);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('BAD_REQUEST', { detail: 'file missing' });
      return svc.importSchedules(db, ctx, await file.toBuffer(), file.filename);
    },
  );
}
