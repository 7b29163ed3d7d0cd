import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import type { ListName } from './lists-repo.ts';
import type { PlanDeps } from './plan-routes.ts';
import { listItemInput } from './schemas.ts';

const LISTS: ListName[] = ['themes', 'priorities'];
const FLASHES: Record<string, string> = {
  themes: 'Theme added',
  priorities: 'Priority added',
  defaults: 'The usual themes the list lacked are added',
};

/** The plan's managed lists: themes and priorities, kept by the plan's holders. */
export function registerPlanSettingsPages(app: FastifyInstance, { page, plan }: PlanDeps) {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      errors?: FieldError[];
      failed?: ListName;
      values?: Record<string, unknown>;
      flash?: string;
    } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [themes, priorities] = await Promise.all([
      plan.lists.items(ctx, 'themes'),
      plan.lists.items(ctx, 'priorities'),
    ]);
    // Each list has its own form: errors go to the one that was sent.
    const errors = (extra.errors ?? []).map((e) => ({ ...e, field: `${extra.failed}-${e.field}` }));
    return page(
      request,
      reply,
      'actions/views/settings.njk',
      { title: 'Themes and priorities', themes, priorities, values: {}, ...extra, errors },
      status,
    );
  }

  app.get('/actions/settings', { config: { access: 'plan:manage' } }, (request, reply) => {
    const added = String((request.query as Record<string, unknown>).added ?? '');
    return render(request, reply, { flash: FLASHES[added] });
  });

  app.post(
    '/actions/settings/themes/defaults',
    { config: { access: 'plan:manage' } },
    async (request, reply) => {
      const added = await plan.lists.addDefaultThemes(contextOf(request));
      return reply.redirect(`/actions/settings?added=${added}%20usual%20themes`, 303);
    },
  );

  for (const list of LISTS) {
    app.post(`/actions/settings/${list}`, { config: { access: 'plan:manage' } }, async (request, reply) => {
      const input = formInput(request.body);
      const saved = await submitForm(input, listItemInput, (value) =>
        plan.lists.add(contextOf(request), list, value.name),
      );
      if (!saved.ok)
        return render(
          request,
          reply,
          { errors: saved.errors, failed: list, values: { [list]: input.name } },
          400,
        );
      return reply.redirect(`/actions/settings?added=${list}`, 303);
    });
  }
}
