import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../platform/http/context.ts';
import { filterQueryOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { labels } from './labels.ts';
import type { PlanDeps } from './plan-routes.ts';
import { planFilter } from './schemas.ts';

/** Themes at a glance: per theme, how many actions from how many sources, overdue and embedded. */
export function registerThemePages(app: FastifyInstance, { page, partnership, plan }: PlanDeps) {
  app.get('/actions/themes', { config: { access: 'plan:oversee' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const { themeId: _theme, ...filter } = parseOrThrow(planFilter, request.query);
    const [summary, agencies, priorities] = await Promise.all([
      plan.themes.summary(ctx, filter),
      partnership.partners.choices(ctx),
      plan.lists.choices(ctx, 'priorities'),
    ]);
    const filterQuery = filterQueryOf(filter);
    return page(request, reply, 'actions/views/themes.njk', {
      title: 'Themes at a glance',
      summary,
      query: filter,
      agencies,
      priorities,
      filterQuery,
      /** The plan's list for one theme and one count, with the same filters. */
      planLink: (themeId: string | null, extra: Record<string, string> = {}) =>
        `/actions?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(filterQuery)), themeId: themeId ?? 'none', ...extra })}`,
      ...labels,
    });
  });
}
