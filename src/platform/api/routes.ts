import type { FastifyInstance } from 'fastify';
import type { RegisteredRoute } from '../http/route-config.ts';
import type { PageRenderer } from '../views/page.ts';
import { buildOpenApi } from './openapi.ts';

export function registerApiDocsRoutes(
  app: FastifyInstance,
  deps: { page: PageRenderer; registry: RegisteredRoute[] },
) {
  let cached: ReturnType<typeof buildOpenApi> | null = null;
  const document = () => {
    cached ??= buildOpenApi(deps.registry);
    return cached;
  };

  app.get('/api/openapi.json', { config: { access: 'public' } }, () => document());

  app.get('/api/docs', { config: { access: 'public' } }, (request, reply) => {
    const doc = document();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), ...op })),
    );
    return deps.page(request, reply, 'api/views/docs.njk', { title: 'API documentation', operations, doc });
  });
}
