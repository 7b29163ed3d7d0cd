import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { labels } from './labels.ts';
import type { PlanDeps } from './plan-routes.ts';
import { SOURCE_KINDS } from './rules.ts';
import { sourceInput } from './schemas.ts';

export const sourcesQuery = pageQuery.extend({
  kind: z
    .union([
      z.literal('').transform(() => undefined),
      z.enum(SOURCE_KINDS, { error: `kind must be one of ${SOURCE_KINDS.join(', ')}` }),
    ])
    .optional(),
});
const DATE_FIELDS = ['datedOn'];

/** What the plan's actions answer: every review, audit and report, with how many actions each has. */
export function registerSourcePages(app: FastifyInstance, { page, plan }: PlanDeps) {
  app.get('/actions/sources', { config: { access: 'plan:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(sourcesQuery, request.query);
    const result = await plan.sources.list(ctx, query);
    return page(request, reply, 'actions/views/sources.njk', {
      title: 'Sources of the plan’s actions',
      result,
      query,
      filterQuery: query.kind ? `kind=${query.kind}` : '',
      ...labels,
    });
  });

  const renderForm = (request: FastifyRequest, reply: FastifyReply, context: PageContext, status = 200) =>
    page(
      request,
      reply,
      'actions/views/source-form.njk',
      { ...context, dateFields: DATE_FIELDS, ...labels },
      status,
    );

  app.get('/actions/sources/new', { config: { access: 'plan:manage' } }, (request, reply) =>
    renderForm(request, reply, { title: 'Add a report or review', values: { datedOn: todayInLondon() } }),
  );

  app.post('/actions/sources', { config: { access: 'plan:manage' } }, async (request, reply) => {
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, sourceInput, (value) =>
      plan.sources.create(contextOf(request), value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        { title: 'Add a report or review', values: input, errors: saved.errors },
        400,
      );
    return reply.redirect(`/actions/sources/${saved.result.id}?added=1`, 303);
  });

  app.get('/actions/sources/:id', { config: { access: 'plan:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const source = await plan.sources.get(ctx, idParam(request, 'id', 'Source'));
    const actions = await plan.actions.rows(ctx, { sourceId: source.id, limit: 200 });
    return page(request, reply, 'actions/views/source.njk', {
      title: source.title,
      source,
      actions,
      flash: (request.query as Record<string, unknown>).added
        ? 'Source added: now add its actions'
        : undefined,
      ...labels,
    });
  });
}
