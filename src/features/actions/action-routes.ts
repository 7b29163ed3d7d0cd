import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayText } from '../../platform/calendar/day-text.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { type FieldError, HttpError, invalid } from '../../platform/http/errors.ts';
import { dateParts, formInput, submitForm } from '../../platform/http/forms.ts';
import { asksConfirmation } from '../../platform/privacy/personal-data.ts';
import type { PageContext } from '../../platform/views/page.ts';
import type { SimilarAction } from './actions-repo.ts';
import { labels } from './labels.ts';
import type { PlanDeps } from './plan-routes.ts';
import { ACTION_STATUS_LABELS, mayManagePlan, SOURCE_KIND_LABELS } from './rules.ts';
import { actionInput, evidenceInput, mergeFormInput, newActionInput, progressInput } from './schemas.ts';

const ACTION_DATES = ['raisedOn', 'dueOn'];
const FORM = 'actions/views/action-form.njk';
const newActionQuery = z.object({
  source: z.uuid({ error: 'Choose what the action answers' }),
  detail: z.string().max(3_000).optional(),
});

/** Checkboxes send nothing, one value or several: the schema takes a list. */
const actionForm = (body: unknown) => {
  const input = formInput(body, ACTION_DATES);
  input.themeIds = input.themeIds ?? [];
  return input;
};

/** A form's values as hidden fields, dates as their day, month and year, to carry them to the next step. */
function hiddenFields(values: Record<string, unknown>) {
  const fields: { name: string; value: string }[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'choice') continue;
    if (ACTION_DATES.includes(name)) {
      const parts = dateParts(value);
      for (const part of ['day', 'month', 'year'] as const)
        fields.push({ name: `${name}-${part}`, value: parts[part] });
    } else if (Array.isArray(value)) {
      for (const item of value) fields.push({ name, value: String(item) });
    } else if (value !== undefined && value !== null) fields.push({ name, value: String(value) });
  }
  return fields;
}

export function registerActionPages(app: FastifyInstance, { page, partnership, plan }: PlanDeps) {
  const service = plan.actions;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [agencies, people, themes, priorities] = await Promise.all([
      partnership.partners.choices(ctx),
      partnership.people.choices(ctx),
      plan.lists.choices(ctx, 'themes'),
      plan.lists.choices(ctx, 'priorities'),
    ]);
    return page(
      request,
      reply,
      FORM,
      {
        ...context,
        agencies,
        people,
        themes,
        priorities,
        askConfirm: asksConfirmation(context.errors),
        dateFields: ACTION_DATES,
        ...labels,
      },
      status,
    );
  }

  app.get('/actions/new', { config: { access: 'plan:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = newActionQuery.safeParse(request.query);
    if (!query.success) return reply.redirect('/actions/sources', 303);
    const source = await plan.sources.get(ctx, query.data.source);
    return renderForm(request, reply, {
      title: 'Add an action to the plan',
      source,
      values: {
        sourceId: source.id,
        detail: query.data.detail ?? '',
        text: (query.data.detail ?? '').slice(0, 2_000),
        raisedOn: todayInLondon(),
        status: 'proposed',
      },
    });
  });

  async function renderSimilar(
    request: FastifyRequest,
    reply: FastifyReply,
    input: Record<string, unknown>,
    suggestions: SimilarAction[],
    errors: FieldError[] = [],
  ) {
    const source = await plan.sources.get(contextOf(request), input.sourceId as string);
    return page(
      request,
      reply,
      'actions/views/similar.njk',
      {
        title: 'Is this the same as an action already in the plan?',
        source,
        choices: suggestions.map((a) => ({
          value: a.id,
          text: `ACT-${a.number}: ${a.text}`,
          hint: [
            a.ownerAgencyName,
            ACTION_STATUS_LABELS[a.status],
            a.dueOn ? `due ${dayText(a.dueOn)}` : 'no due date',
            `from ${a.sources.map((x) => `${SOURCE_KIND_LABELS[x.kind]}: ${x.title}`).join('; ')}`,
            `${Math.round(a.score * 100)}% alike`,
          ].join(' · '),
        })),
        actionText: input.text,
        hidden: hiddenFields(input),
        errors,
        ...labels,
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.post('/actions', { config: { access: 'plan:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = actionForm(request.body);
    // The question of similar actions, sent without an answer, is asked again.
    const asked = input.asked === '1';
    delete input.asked;
    const sourceId = z.uuid().safeParse(input.sourceId);
    if (!sourceId.success) return reply.redirect('/actions/sources', 303);
    const text = typeof input.text === 'string' ? input.text : '';
    // The question of similar actions, sent without an answer, is asked again.
    if (asked && !input.choice) {
      const suggestions = await service.similar(ctx, text, sourceId.data);
      const message = 'Select the action it is the same as, or add it as a new action';
      return renderSimilar(request, reply, input, suggestions, [{ field: 'choice', message }]);
    }
    const saved = await submitForm(input, newActionInput, (value) => service.create(ctx, value));
    if (!saved.ok) {
      // An answer to the question that can't be used (an action merged meanwhile): ask again.
      if (asked && saved.errors.some((e) => e.field === 'choice')) {
        const suggestions = await service.similar(ctx, text, sourceId.data);
        return renderSimilar(request, reply, input, suggestions, saved.errors);
      }
      const source = await plan.sources.get(ctx, sourceId.data).catch(() => null);
      if (!source) return reply.redirect('/actions/sources', 303);
      return renderForm(
        request,
        reply,
        { title: 'Add an action to the plan', source, values: input, errors: saved.errors },
        400,
      );
    }
    const result = saved.result;
    if (result.outcome === 'similar') return renderSimilar(request, reply, input, result.suggestions);
    const flash = result.outcome === 'linked' ? 'linked' : 'added';
    return reply.redirect(`/actions/${result.action.id}?${flash}=1`, 303);
  });

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown> } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const { action, updates, evidence } = await service.details(ctx, idParam(request, 'id', 'Action'));
    return page(
      request,
      reply,
      'actions/views/action.njk',
      {
        title: `ACT-${action.number}`,
        action,
        updates,
        evidence,
        mayUpdate: service.mayUpdate(ctx, action),
        mayManage: mayManagePlan(ctx.user.role),
        // Which of the page's forms offers the confirmation: the one whose text was held back.
        confirmIn: asksConfirmation(extra.errors)
          ? extra.errors?.some((e) => e.field === 'summary' || e.field === 'reference')
            ? 'evidence'
            : 'progress'
          : null,
        dateFields: ['writtenOn', 'evidenceOn'],
        ...extra,
        // Each form keeps what was typed into it; the others start from the action as it is.
        values: {
          status: action.status,
          outcome: action.outcome,
          evidenceOn: todayInLondon(),
          ...extra.values,
        },
        ...labels,
      },
      status,
    );
  }

  const FLASHES: Record<string, string> = {
    added: 'Action added to the plan',
    linked: 'The source now points to this action: it answers both',
    saved: 'Action saved',
    progressed: 'Progress recorded',
    evidence: 'Evidence added',
    merged: 'Actions merged: this action keeps both sources and both histories',
  };

  app.get('/actions/:id', { config: { access: 'plan:read' } }, (request, reply) => {
    const key = Object.keys(request.query as object).find((k) => k in FLASHES);
    return renderAction(request, reply, { flash: key ? FLASHES[key] : undefined });
  });

  app.get('/actions/:id/edit', { config: { access: 'plan:manage' } }, async (request, reply) => {
    const action = await service.get(contextOf(request), idParam(request, 'id', 'Action'));
    return renderForm(request, reply, {
      title: `Change ACT-${action.number}`,
      action,
      values: { ...action, themeIds: action.themes.map((t) => t.id) },
    });
  });

  app.post('/actions/:id', { config: { access: 'plan:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const action = await service.get(ctx, idParam(request, 'id', 'Action'));
    const input = actionForm(request.body);
    const saved = await submitForm(input, actionInput, (value) =>
      service.updateDetails(ctx, action.id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        { title: `Change ACT-${action.number}`, action, values: input, errors: saved.errors },
        400,
      );
    return reply.redirect(`/actions/${action.id}?saved=1`, 303);
  });

  /** The forms on the action's page: each re-renders the page with its errors, or redirects with a flash. */
  const forms = [
    {
      path: 'progress',
      access: 'plan:update' as const,
      dates: ['writtenOn'],
      schema: progressInput,
      save: (request: FastifyRequest, id: string, value: z.output<typeof progressInput>) =>
        service.progress(contextOf(request), id, value),
      flash: 'progressed',
    },
    {
      path: 'evidence',
      access: 'plan:update' as const,
      dates: ['evidenceOn'],
      schema: evidenceInput,
      save: (request: FastifyRequest, id: string, value: z.output<typeof evidenceInput>) =>
        service.addEvidence(contextOf(request), id, value),
      flash: 'evidence',
    },
    {
      path: 'merge',
      access: 'plan:manage' as const,
      dates: [],
      schema: mergeFormInput,
      save: async (request: FastifyRequest, id: string, value: z.output<typeof mergeFormInput>) => {
        const ctx = contextOf(request);
        const otherId = await service.idOfNumber(ctx, value.otherNumber);
        if (!otherId)
          throw invalid([
            { field: 'otherRef', message: `There is no ACT-${value.otherNumber} in this plan` },
          ]);
        return service.merge(ctx, id, otherId).catch((error: unknown) => {
          // The service names the other action's id; the page asks for its reference.
          if (error instanceof HttpError)
            for (const e of error.errors) if (e.field === 'otherId') e.field = 'otherRef';
          throw error;
        });
      },
      flash: 'merged',
    },
  ];
  for (const form of forms) {
    app.post(`/actions/:id/${form.path}`, { config: { access: form.access } }, async (request, reply) => {
      const id = idParam(request, 'id', 'Action');
      const input = formInput(request.body, form.dates);
      const saved = await submitForm(input, form.schema as z.ZodType, (value) =>
        (form.save as (r: FastifyRequest, i: string, v: unknown) => Promise<unknown>)(request, id, value),
      );
      if (!saved.ok) return renderAction(request, reply, { errors: saved.errors, values: input }, 400);
      return reply.redirect(`/actions/${id}?${form.flash}=1`, 303);
    });
  }
}
