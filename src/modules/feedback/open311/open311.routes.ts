import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorDef, formatMessage } from '../../../errors.ts';
import type { App, Deps } from '../../../platform/http/types.ts';
import { reference } from '../feedback.reference.ts';
import { open311KeyValid } from '../feedback.repository.ts';
import { PUBLIC_INTAKE_RATE } from '../feedback.routes.ts';
import { receive } from '../feedback.service.ts';
import { Open311Error } from './open311.errors.ts';
import * as o from './open311.service.ts';
import { type XmlValue, xmlDocument } from './xml.ts';

type Format = 'json' | 'xml';

function send(reply: FastifyReply, format: Format, root: string, body: XmlValue, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function splitFormat(name: string): { base: string; format: Format } {
  const m = /^(.*)\.(json|xml)$/.exec(name);
  if (!m) throw new Open311Error(404, 'Unknown format: use .xml or .json');
  return { base: m[1]!, format: m[2] as Format };
}

const formatOf = (req: FastifyRequest): Format => (req.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml');

/** Mounts GeoReport v2 under /open311 (discovery at /open311/discovery.* and /open311/v2/discovery.*). */
export function registerOpen311(app: App, deps: Deps) {
  const db = deps.database.db;
  // The spec's POST bodies are application/x-www-form-urlencoded; parsed here, for this plugin only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      const out: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
      done(null, out);
    },
  );
  app.setErrorHandler((err, req, reply) => {
    const format = formatOf(req);
    if (err instanceof Open311Error)
      return send(reply, format, 'errors', [{ code: err.status, description: err.description }], err.status);
    if (err instanceof AppError) {
      const def = errorDef(err.code);
      const status = def?.status === 404 ? 404 : def?.status === 429 ? 429 : 400;
      const text = def ? formatMessage(req.ctx?.locale === 'en' ? def.en : def.vi, err.params) : err.code;
      return send(reply, format, 'errors', [{ code: status, description: `${err.code}: ${text}` }], status);
    }
    const e = err as { statusCode?: number; message?: string; code?: string };
    if (e.statusCode === 429)
      return send(reply, format, 'errors', [{ code: 429, description: 'Too many requests' }], 429);
    if (e.statusCode && e.statusCode < 500)
      return send(reply, format, 'errors', [{ code: 400, description: e.message ?? 'Bad request' }], 400);
    req.log.error({ err }, 'open311 error');
    return send(reply, format, 'errors', [{ code: 500, description: 'Internal error' }], 500);
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, formatOf(req), 'errors', [{ code: 404, description: 'Not found' }], 404),
  );

  const base = deps.config.publicUrl.replace(/\/$/, '');
  for (const prefix of ['', '/v2']) {
    app.get(`${prefix}/:file`, { schema: { hide: true } }, async (req, reply) => {
      const { base: name, format } = splitFormat((req.params as { file: string }).file);
      if (name === 'discovery') return send(reply, format, 'discovery', o.discovery(base));
      if (prefix === '/v2' && name === 'services')
        return send(reply, format, 'services', await o.services(db, req.ctx.locale));
      if (prefix === '/v2' && name === 'requests')
        return send(reply, format, 'service_requests', await o.listRequests(db, req.query as Record<string, string>));
      throw new Open311Error(404, 'Not found');
    });
  }
  app.get('/v2/services/:file', { schema: { hide: true } }, async (req, reply) => {
    const { base: code, format } = splitFormat((req.params as { file: string }).file);
    return send(reply, format, 'service_definition', await o.serviceDefinition(db, code));
  });
  app.get('/v2/requests/:file', { schema: { hide: true } }, async (req, reply) => {
    const { base: id, format } = splitFormat((req.params as { file: string }).file);
    return send(reply, format, 'service_requests', await o.oneRequest(db, id));
  });
  app.get('/v2/tokens/:file', { schema: { hide: true } }, async (req, reply) => {
    const { base: token, format } = splitFormat((req.params as { file: string }).file);
    return send(reply, format, 'service_requests', await o.byToken(db, token));
  });

  app.post('/v2/:file', { config: { rateLimit: PUBLIC_INTAKE_RATE }, schema: { hide: true } }, async (req, reply) => {
    const { base: name, format } = splitFormat((req.params as { file: string }).file);
    if (name !== 'requests') throw new Open311Error(404, 'Not found');
    const body = (req.body ?? {}) as Record<string, string>;
    const key = body.api_key ?? (req.query as Record<string, string>).api_key;
    if (!key || !(await open311KeyValid(db, createHash('sha256').update(key).digest('hex')))) {
      throw new Open311Error(403, key ? 'Invalid api_key received' : 'api_key is required');
    }
    const input = await o.toIntake(db, body, await reference(db));
    const r = await receive(db, req.ctx, input, {
      channel: 'open311',
      idempotencyKey: body.attribute_idempotency_key || (req.headers['idempotency-key'] as string | undefined),
      suggest: false, // the GeoReport answer has no place for them
    });
    return send(reply, format, 'service_requests', [
      { service_request_id: r.item.code, service_notice: o.notice(r.item.answerDue), account_id: null },
    ]);
  });
}
