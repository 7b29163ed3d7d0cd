import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/access/roles.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';

export function registerHomeRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.user)
      return page(request, reply, 'home/views/start.njk', { title: 'Safeguarding Partnership Hub' });
    const ctx = contextOf(request);
    const overview = can(ctx.user.role, 'structure:read') ? await partnership.structure.overview(ctx) : null;
    return page(request, reply, 'home/views/home.njk', { title: 'Home', overview });
  });
}
