import client from 'prom-client';
import type { App } from './types.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const duration = new client.Histogram({
  name: 'cchc_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export { registry as metricsRegistry };

/** Prometheus metrics at /metrics and a request-duration histogram labelled by route pattern. */
export function registerMetrics(app: App) {
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
