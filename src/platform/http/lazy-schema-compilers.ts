/**
 * Fastify's own schema compilers (Ajv for validation, fast-json-stringify for responses), made
 * lazy: a route's validator or serializer is compiled the first time a request needs it, not when
 * the server starts. Compiling the ~200 routes' schemas up front took about a fifth of the cold
 * start (and heap for routes an instance may never serve). Validation and serialisation are the
 * same functions, with the same options; only the moment of compiling moves.
 *
 * `test/no-500.int.test.ts` calls every route, so a schema that does not compile still fails a test.
 */
import AjvCompilerModule from '@fastify/ajv-compiler';
import SerializerModule from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Compile = (route: object) => (...args: unknown[]) => unknown;
type Factory = (...args: unknown[]) => Compile;

// The very compilers Fastify would load itself (same versions as Fastify's dependencies).
const AjvCompiler = AjvCompilerModule as unknown as () => Factory;
const SerializerSelector = SerializerModule as unknown as () => Factory;

/** A validator that compiles on its first call; exposes Ajv's `errors` of the last call, as Fastify reads them. */
function lazyValidator(compile: Compile, route: object) {
  let fn: ((...args: unknown[]) => unknown) & { errors?: unknown };
  const validate = (...args: unknown[]) => {
    fn ??= compile(route);
    return fn(...args);
  };
  Object.defineProperties(validate, {
    errors: { get: () => fn?.errors },
    // Ajv validators carry `schemaEnv`; with it Fastify passes the parent data, so that
    // coercion and defaults can replace a root value (querystring, params).
    schemaEnv: { value: true },
  });
  return validate;
}

function lazySerializer(compile: Compile, route: object) {
  let fn: ((data: unknown) => string) | undefined;
  return (data: unknown) => {
    fn ??= compile(route) as (data: unknown) => string;
    return fn(data);
  };
}

export function lazySchemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  return {
    compilersFactory: {
      buildValidator: ((...args: unknown[]) => {
        const compile = validators(...args);
        return (route: object) => lazyValidator(compile, route);
      }) as never,
      buildSerializer: ((...args: unknown[]) => {
        const compile = serializers(...args);
        return (route: object) => lazySerializer(compile, route);
      }) as never,
    },
  };
}
