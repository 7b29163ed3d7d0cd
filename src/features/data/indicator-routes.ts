import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, saveForm, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext } from '../../platform/views/page.ts';
import type { DataDeps } from './deps.ts';
import type { Indicator } from './indicators-repo.ts';
import { labels } from './labels.ts';
import { catalogueQuery, indicatorInput } from './schemas.ts';

const FORM = 'data/views/indicator-form.njk';

/** The indicator catalogue: read by partners and data leads, kept by the business unit. */
export function registerIndicatorPages(app: FastifyInstance, { page, partnership, plan, data }: DataDeps) {
  const service = data.indicators;
  const readers = { config: { access: 'data:read' as const } };

  app.get('/data/indicators', readers, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(catalogueQuery, request.query);
    const [result, themes] = await Promise.all([service.list(ctx, query), plan.lists.choices(ctx, 'themes')]);
    const { after: _a, limit: _l, ...filter } = query;
    const added = (request.query as Record<string, unknown>).added;
    return page(request, reply, 'data/views/catalogue.njk', {
      title: 'Indicators',
      result,
      query,
      themes,
      filterQuery: new URLSearchParams(
        Object.entries(filter).filter(([, v]) => v) as [string, string][],
      ).toString(),
      flash: added === undefined ? undefined : `${Number(added) || 0} standard indicators added`,
      ...labels,
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext & { indicator?: Indicator },
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [agencies, themes, priorities, totals] = await Promise.all([
      partnership.partners.choices(ctx),
      plan.lists.choices(ctx, 'themes'),
      plan.lists.choices(ctx, 'priorities'),
      service.totalChoices(ctx),
    ]);
    return page(
      request,
      reply,
      FORM,
      {
        ...context,
        agencies,
        themes,
        priorities,
        totals: totals.filter((t) => t.id !== context.indicator?.id),
        ...labels,
      },
      status,
    );
  }

  const withLinks = (i: Indicator) => ({
    ...i,
    themeIds: i.themes.map((t) => t.id),
    priorityIds: i.priorities.map((p) => p.id),
  });

  app.get('/data/indicators/new', { config: { access: 'data:manage' } }, (request, reply) =>
    renderForm(request, reply, {
      title: 'Add an indicator',
      values: { unit: 'count', polarity: 'neither', askedOf: 'owner' },
    }),
  );

  app.post('/data/indicators', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body);
    const saved = await submitForm(input, indicatorInput, (value) => service.create(ctx, value));
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        { title: 'Add an indicator', values: input, errors: saved.errors },
        400,
      );
    return reply.redirect(`/data/indicators/${saved.result.id}?saved=1`, 303);
  });

  app.post('/data/indicators/standard', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const saved = await saveForm(() => service.addStandard(ctx));
    if (!saved.ok) {
      const result = await service.list(ctx, { limit: 50 });
      return page(
        request,
        reply,
        'data/views/catalogue.njk',
        {
          title: 'Indicators',
          result,
          query: {},
          themes: [],
          errors: [
            {
              field: 'standard',
              message: 'Add the partner agencies first: each indicator is owned by one of them',
            },
          ],
          ...labels,
        },
        400,
      );
    }
    return reply.redirect(`/data/indicators?added=${saved.result.length}`, 303);
  });

  app.get('/data/indicators/:id/edit', { config: { access: 'data:manage' } }, async (request, reply) => {
    const indicator = await service.get(contextOf(request), idParam(request, 'id', 'Indicator'));
    return renderForm(request, reply, {
      title: `Change ${indicator.name}`,
      indicator,
      values: withLinks(indicator),
    });
  });

  app.post('/data/indicators/:id', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const indicator = await service.get(ctx, idParam(request, 'id', 'Indicator'));
    const input = formInput(request.body);
    const saved = await submitForm(input, indicatorInput, (value) =>
      service.update(ctx, indicator.id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        { title: `Change ${indicator.name}`, indicator, values: input, errors: saved.errors },
        400,
      );
    return reply.redirect(`/data/indicators/${indicator.id}?saved=1`, 303);
  });
}
