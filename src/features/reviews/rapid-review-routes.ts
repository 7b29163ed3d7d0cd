import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { type ReviewDeps, renderCase } from './cases-routes.ts';
import { labels } from './labels.ts';
import { FREE_TEXT, withPersonalDataErrors } from './personal-data.ts';
import {
  caseActionInput,
  decisionInput,
  personInvolved,
  rapidReviewInput,
  teamMemberInput,
  teamRemoval,
  waiverInput,
} from './schemas.ts';

/** The rapid review, the executive's decision, the case team, waivers and immediate actions. */
export function registerRapidReviewPages(app: FastifyInstance, deps: ReviewDeps) {
  const { page, reviews } = deps;
  const service = reviews.incidents;

  /** A form page about one case: the case is loaded (and its view audited) once. */
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    context: (c: Awaited<ReturnType<typeof service.get>>) => PageContext,
    status = 200,
  ) {
    const found = await service.get(contextOf(request), idParam(request, 'id', 'Case'));
    return page(
      request,
      reply,
      `reviews/views/${view}.njk`,
      { c: found, ...labels, ...context(found) },
      status,
    );
  }

  const RR_DATES = ['panelMetOn', 'rapidReviewSentOn'];
  const rapidReviewTitle = (c: { reference: string }) => `Rapid review of ${c.reference}`;
  app.get('/cases/:id/rapid-review', { config: { access: 'cases:write' } }, (request, reply) =>
    renderForm(request, reply, 'rapid-review-form', (c) => ({
      title: rapidReviewTitle(c),
      values: c,
      dateFields: RR_DATES,
    })),
  );

  app.post('/cases/:id/rapid-review', { config: { access: 'cases:write' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = formInput(request.body, RR_DATES);
    const saved = await submitForm(input, rapidReviewInput, (value) =>
      service.recordRapidReview(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        'rapid-review-form',
        (c) => ({
          title: rapidReviewTitle(c),
          values: input,
          errors: withPersonalDataErrors(saved.errors, input, FREE_TEXT.rapidReview),
          dateFields: RR_DATES,
          askConfirm: true,
        }),
        400,
      );
    return reply.redirect(`/cases/${id}?saved=1`, 303);
  });

  app.get('/cases/:id/decision', { config: { access: 'cases:decide' } }, (request, reply) =>
    renderForm(request, reply, 'decision-form', (c) => ({
      title: 'The executive’s decision',
      // A decision already recorded can be corrected: the form starts from it.
      values: c.decision ? { decision: c.decision, decidedOn: c.decidedOn, reasons: c.decisionReasons } : {},
      dateFields: ['decidedOn'],
    })),
  );

  app.post('/cases/:id/decision', { config: { access: 'cases:decide' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = formInput(request.body, ['decidedOn']);
    const saved = await submitForm(input, decisionInput, (value) =>
      service.decide(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        'decision-form',
        () => ({
          title: 'The executive’s decision',
          values: input,
          errors: saved.errors,
          dateFields: ['decidedOn'],
        }),
        400,
      );
    return reply.redirect(`/cases/${id}?saved=1`, 303);
  });

  /** A form on the case page: saved, or the case page again with its errors. */
  function caseForm<S extends Parameters<typeof submitForm>[1]>(
    path: string,
    access: 'cases:write' | 'cases:assign',
    form: string,
    schema: S,
    save: (request: FastifyRequest, id: string, value: ReturnType<S['parse']>) => Promise<unknown>,
    dateFields: string[] = [],
  ) {
    app.post(path, { config: { access } }, async (request, reply) => {
      const id = idParam(request, 'id', 'Case');
      const input = formInput(request.body, dateFields);
      const saved = await submitForm(input, schema, (value) =>
        save(request, id, value as ReturnType<S['parse']>),
      );
      if (!saved.ok)
        return renderCase(deps, request, reply, { errors: saved.errors, values: input, form }, 400);
      return reply.redirect(`/cases/${id}?saved=1#${form}`, 303);
    });
  }

  caseForm('/cases/:id/team', 'cases:assign', 'team', teamMemberInput, (request, id, value) =>
    service.addToTeam(contextOf(request), id, value),
  );
  app.post('/cases/:id/team/remove', { config: { access: 'cases:assign' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const member = parseOrThrow(teamRemoval, formInput(request.body));
    await service.removeFromTeam(contextOf(request), id, member);
    return reply.redirect(`/cases/${id}?saved=1#team`, 303);
  });
  caseForm('/cases/:id/people', 'cases:write', 'people', personInvolved, (request, id, value) =>
    service.setPersonInvolved(contextOf(request), id, value.personId, true),
  );
  app.post('/cases/:id/people/remove', { config: { access: 'cases:write' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const { personId } = parseOrThrow(personInvolved, formInput(request.body));
    await service.setPersonInvolved(contextOf(request), id, personId, false);
    return reply.redirect(`/cases/${id}?saved=1#people`, 303);
  });
  caseForm('/cases/:id/waivers', 'cases:write', 'clocks', waiverInput, (request, id, value) =>
    service.waive(contextOf(request), id, value.clock, value.reason),
  );
  caseForm(
    '/cases/:id/actions',
    'cases:write',
    'actions',
    caseActionInput,
    (request, id, value) => service.addAction(contextOf(request), id, value),
    ['dueOn'],
  );
}
