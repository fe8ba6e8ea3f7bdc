import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import { AppError } from './errors.ts';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerDossierRoutes } from './modules/dossiers/dossiers.routes.ts';
import { registerFeedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { registerOpen311 } from './modules/feedback/open311/open311.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerProcedureRoutes } from './modules/procedures/procedures.routes.ts';
import { registerReformIndexRoutes } from './modules/reform-index/reform-index.routes.ts';
import { webDistFolder } from './paths.ts';
import { registerAuditRoutes } from './platform/audit/audit.routes.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { SESSION_COOKIE } from './platform/auth/auth.service.ts';
import { lazySchemaController } from './platform/http/lazy-schema-compilers.ts';
import { redactUrl } from './platform/http/log-redaction.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { sendProblem } from './platform/http/problem.ts';
import type { App, Deps } from './platform/http/types.ts';
import { pickLocale } from './platform/i18n/locale.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BuildOptions {
  logger?: boolean | object;
  /** serve the built SPA from web/dist when present (default true) */
  serveWeb?: boolean;
}

/** Builds the Fastify app: plugins, the request context, every module's routes, /docs, /health, /metrics. */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // one access line per request (onResponse below) instead of Fastify's two ("incoming request" + "request completed")
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    schemaController: lazySchemaController(),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path.startsWith('/open311/');
    if (!isApi && req.method === 'GET' && (opts.serveWeb ?? true) && hasWeb()) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(req, reply, new AppError('ROUTE_NOT_FOUND'));
  });

  await app.register(cookie);
  // Per-route limits (config.rateLimit on public intake routes); keyed by client IP.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('RATE_LIMITED', { retryAfter: Math.ceil(ctx.ttl / 1000) }),
  });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadMaxBytes, files: 20, fields: 50 } });
  registerMetrics(app);

  // Request context: who is asking, in which language, at what time.
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req, reply) => {
    // set here rather than in an onSend hook: one hook less on every request
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const now = new Date();
    req.ctx = {
      actor: null,
      requestId: req.id,
      ip: req.ip,
      locale: pickLocale(req.headers['accept-language']),
      now,
    };
    const authz = req.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const actor = await deps.auth.fromApiToken(authz.slice(7).trim(), now);
      if (!actor) throw new AppError('TOKEN_INVALID');
      req.ctx.actor = actor;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.ctx.actor = await deps.auth.fromSession(token, now);
      // A cookie-authenticated change must carry the session's anti-forgery token.
      if (req.ctx.actor && !SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.ctx.actor.csrfToken) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        url: redactUrl(req.url),
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cchc API',
        version: '0.1.0',
        description:
          'Cải cách hành chính: chỉ số CCHC, Bộ phận Một cửa, phản ánh kiến nghị. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.database.sql.query('select 1');
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });

  await app.register(
    async (api) => {
      const a = api as unknown as App;
      registerAuthRoutes(a, deps);
      registerOrgRoutes(a, deps);
      registerAuditRoutes(a, deps);
      registerFeedbackRoutes(a, deps);
      registerProcedureRoutes(a, deps);
      registerDossierRoutes(a, deps);
      registerCalendarRoutes(a, deps);
      registerReformIndexRoutes(a, deps);
    },
    { prefix: '/api/v1' },
  );
  // Open311 GeoReport v2 lives outside /api/v1 (its own URL scheme, formats and error bodies)
  await app.register(async (o) => registerOpen311(o as unknown as App, deps), { prefix: '/open311' });

  if ((opts.serveWeb ?? true) && hasWeb()) {
    await app.register(fastifyStatic, { root: webDist(), wildcard: false, maxAge: '1h', index: ['index.html'] });
  }
  return app;
}

const webDist = () => webDistFolder;
const hasWeb = () => existsSync(join(webDist(), 'index.html'));
