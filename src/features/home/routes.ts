import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/access/roles.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import type { ReviewService } from '../reviews/service.ts';

export function registerHomeRoutes(
  app: FastifyInstance,
  {
    page,
    partnership,
    reviews,
  }: { page: PageRenderer; partnership: PartnershipService; reviews: ReviewService },
) {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.user)
      return page(request, reply, 'home/views/start.njk', { title: 'Safeguarding Partnership Hub' });
    const ctx = contextOf(request);
    const [summary, clocks] = await Promise.all([
      can(ctx.user.role, 'structure:read') ? partnership.structure.summary(ctx) : null,
      can(ctx.user.role, 'cases:read') ? reviews.clocks.clockCounts(ctx) : null,
    ]);
    return page(request, reply, 'home/views/home.njk', { title: 'Home', summary, clocks });
  });
}
