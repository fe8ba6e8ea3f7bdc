import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Jobs } from '../jobs/jobs.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What route modules receive: configuration and the shared services. */
export interface Deps {
  config: Config;
  database: Database;
  auth: AuthService;
  jobs: Jobs;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** raw session token from the cookie, when the request came with one */
    sessionToken?: string;
  }
}

/** The request's context with a signed-in actor, or UNAUTHENTICATED. */
export function signedIn(ctx: RequestContext): RequestContext & { actor: NonNullable<RequestContext['actor']> } {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx as RequestContext & { actor: NonNullable<RequestContext['actor']> };
}
