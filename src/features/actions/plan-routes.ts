import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../platform/http/context.ts';
import { filterQueryOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { labels, sourcesLine } from './labels.ts';
import { seesWholePlan } from './rules.ts';
import { planQuery } from './schemas.ts';
import type { ActionPlanService } from './service.ts';

export type PlanDeps = { page: PageRenderer; partnership: PartnershipService; plan: ActionPlanService };

export function registerPlanPages(app: FastifyInstance, { page, partnership, plan }: PlanDeps) {
  app.get('/actions', { config: { access: 'plan:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(planQuery, request.query);
    const { after: _after, limit: _limit, ...filter } = query;
    const [result, agencies, themes, priorities] = await Promise.all([
      plan.actions.rows(ctx, query),
      partnership.partners.choices(ctx),
      plan.lists.choices(ctx, 'themes'),
      plan.lists.choices(ctx, 'priorities'),
    ]);
    return page(request, reply, 'actions/views/plan.njk', {
      title: 'Learning action plan',
      result: { ...result, items: result.items.map((a) => ({ ...a, sourcesLine: sourcesLine(a.sources) })) },
      query,
      agencies,
      themes: [{ value: 'none', text: 'No theme' }, ...themes.map((t) => ({ value: t.id, text: t.name }))],
      priorities,
      filterQuery: filterQueryOf(filter),
      seesWholePlan: seesWholePlan(ctx.user.role),
      ...labels,
    });
  });
}
