import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CalendarError } from '../../calendar/calendar-errors.ts';
import { AppError, errorDef, formatMessage } from '../../errors.ts';
import '../../modules/calendar/calendar.errors.ts';
import { pickLocale } from '../i18n/locale.ts';

export const PROBLEM_TYPE = 'application/problem+json';

/** Problem Details (RFC 9457) for one error code, in the request's language. */
export function problemFor(req: FastifyRequest, err: AppError) {
  const def = errorDef(err.code) ?? errorDef('INTERNAL')!;
  const locale = pickLocale(req.headers['accept-language']);
  const params = { requestId: req.id, ...err.params };
  return {
    status: def.status,
    body: {
      type: `urn:cchc:problem:${err.code.toLowerCase()}`,
      title: err.code,
      status: def.status,
      code: err.code,
      detail: formatMessage(locale === 'en' ? def.en : def.vi, params),
      instance: req.url.split('?')[0],
      requestId: req.id,
      ...err.extra,
    },
  };
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Maps whatever was thrown onto an AppError; unknown errors become INTERNAL (the only 500). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // the pure calendar throws its own typed errors; their codes are defined in calendar.errors.ts
  if (error instanceof CalendarError) return new AppError(error.code, error.params);
  const e = error as FastifyError &
    PgLikeError & {
      validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
      validationContext?: string;
    };
  if (e?.validation) {
    const errors = e.validation.map((v) => ({
      path: `${e.validationContext ?? ''}${v.instancePath}` || (e.validationContext ?? ''),
      message: v.message ?? 'invalid',
      ...(v.params?.missingProperty ? { missing: v.params.missingProperty } : {}),
      ...(v.params?.additionalProperty ? { unexpected: v.params.additionalProperty } : {}),
    }));
    const detail = errors
      .map((x) => `${x.path}${x.missing ? `/${x.missing}` : ''}${x.unexpected ? `/${x.unexpected}` : ''} ${x.message}`)
      .join('; ');
    return new AppError('VALIDATION_FAILED', { detail }, { errors });
  }
  // Drizzle wraps the driver's error (DrizzleQueryError): its SQLSTATE is on the cause
  const pg: PgLikeError | undefined =
    e && !e.code && (e as { cause?: PgLikeError }).cause?.code ? (e as { cause: PgLikeError }).cause : e;
  switch (pg?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case '23505':
      return new AppError('CONFLICT', { detail: pg.constraint ?? 'duplicate' });
    case '40001':
    case '40P01':
      return new AppError('VERSION_CONFLICT');
    case '22P02':
    case '22021': // a NUL character in a text value
    case '22P05': // … or as \u0000 in a JSON document
    case '22007':
    case '22008':
    case '22003':
      return new AppError('BAD_REQUEST', { detail: 'invalid value' });
  }
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED', { retryAfter: 60 });
  if (e?.statusCode === 404) return new AppError('ROUTE_NOT_FOUND');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', { detail: e.message });
  }
  return new AppError('INTERNAL');
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: unknown) {
  const appErr = toAppError(error);
  const { status, body } = problemFor(req, appErr);
  if (status >= 500) req.log.error({ err: error }, 'unhandled error');
  return reply.status(status).type(PROBLEM_TYPE).send(body);
}
