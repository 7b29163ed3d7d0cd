import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendFile } from '../../platform/files/send.ts';
import type { UploadedFile } from '../../platform/files/uploads.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { formInput, saveForm, submitForm } from '../../platform/http/forms.ts';
import { parseInput } from '../../platform/http/validation.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { type ReviewDeps, renderCase } from './cases-routes.ts';
import { labels } from './labels.ts';
import { FREE_TEXT, withPersonalDataErrors } from './personal-data.ts';
import { worksOnReview } from './practice-review-rules.ts';
import {
  briefingInput,
  documentKind,
  learningEventInput,
  practiceReviewInput,
  recommendationInput,
} from './schemas.ts';

const REVIEW_DATES = [
  'plannedPublicationOn',
  'completedOn',
  'sentToPanelOn',
  'publishedOn',
  'improvementsPublishedOn',
];

/** The practice review's pages: its record, recommendations, report files, learning events, briefing. */
export function registerPracticeReviewPages(app: FastifyInstance, deps: ReviewDeps) {
  const { page, reviews } = deps;

  /** A form page about one case, for someone who works on its review. */
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    context: (c: Awaited<ReturnType<typeof reviews.incidents.get>>) => PageContext,
    status = 200,
  ) {
    const ctx = contextOf(request);
    const found = await reviews.incidents.get(ctx, idParam(request, 'id', 'Case'));
    if (!worksOnReview(ctx.user, found.team))
      throw new HttpError(
        403,
        'Only the business unit and the case’s reviewers and author can work on its review',
      );
    return page(
      request,
      reply,
      `reviews/views/${view}.njk`,
      { c: found, ...labels, ...context(found) },
      status,
    );
  }

  const reviewForm = (body: unknown) => {
    const input = formInput(body, REVIEW_DATES);
    input.methods = input.methods ?? [];
    return input;
  };

  app.get('/cases/:id/review', { config: { access: 'cases:read' } }, (request, reply) =>
    renderForm(request, reply, 'review-form', (c) => ({
      title: `The review of ${c.reference}`,
      values: c.review ? { ...c.review, themes: c.review.themes.join('\n') } : {},
      dateFields: REVIEW_DATES,
    })),
  );

  app.post('/cases/:id/review', { config: { access: 'cases:read' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = reviewForm(request.body);
    const saved = await submitForm(input, practiceReviewInput, (value) =>
      reviews.practice.save(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        'review-form',
        (c) => ({
          title: `The review of ${c.reference}`,
          values: input,
          errors: withPersonalDataErrors(saved.errors, input, FREE_TEXT.review),
          dateFields: REVIEW_DATES,
          askConfirm: true,
        }),
        400,
      );
    return reply.redirect(`/cases/${id}?saved=1#review`, 303);
  });

  app.post('/cases/:id/recommendations', { config: { access: 'cases:read' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = formInput(request.body);
    const saved = await submitForm(input, recommendationInput, (value) =>
      reviews.practice.addRecommendation(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderCase(
        deps,
        request,
        reply,
        { errors: saved.errors, values: input, form: 'recommendations' },
        400,
      );
    return reply.redirect(`/cases/${id}?saved=1#recommendations`, 303);
  });

  /** A recommendation becomes an action: on to the plan's form, with its words and its source. */
  app.post(
    '/cases/:id/recommendations/:recommendationId/plan',
    { config: { access: 'plan:manage' } },
    async (request, reply) => {
      const id = idParam(request, 'id', 'Case');
      const recommendationId = idParam(request, 'recommendationId', 'Recommendation');
      const { sourceId, detail } = await reviews.incidents.recommendationForPlan(
        contextOf(request),
        id,
        recommendationId,
      );
      return reply.redirect(`/actions/new?${new URLSearchParams({ source: sourceId, detail })}`, 303);
    },
  );

  app.post('/cases/:id/documents', { config: { access: 'cases:read' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const body = (request.body ?? {}) as { file?: UploadedFile; kind?: unknown };
    const kind = parseInput(documentKind, body.kind);
    const saved = kind.ok
      ? await saveForm(() => reviews.practice.addDocument(contextOf(request), id, kind.value, body.file))
      : { ok: false as const, errors: kind.errors.map((e) => ({ ...e, field: 'kind' })) };
    if (!saved.ok) return renderCase(deps, request, reply, { errors: saved.errors, form: 'documents' }, 400);
    return reply.redirect(`/cases/${id}?saved=1#documents`, 303);
  });

  app.get('/cases/:id/documents/:documentId', { config: { access: 'cases:read' } }, async (request, reply) =>
    sendFile(
      reply,
      await reviews.practice.document(
        contextOf(request),
        idParam(request, 'id', 'Case'),
        idParam(request, 'documentId', 'Document'),
      ),
    ),
  );

  app.post('/cases/:id/events', { config: { access: 'cases:read' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = formInput(request.body, ['heldOn']);
    input.personIds = input.personIds ?? [];
    const saved = await submitForm(input, learningEventInput, (value) =>
      reviews.practice.addEvent(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderCase(deps, request, reply, { errors: saved.errors, values: input, form: 'events' }, 400);
    return reply.redirect(`/cases/${id}?saved=1#events`, 303);
  });

  app.get('/cases/:id/briefing', { config: { access: 'cases:read' } }, (request, reply) =>
    renderForm(request, reply, 'briefing-form', (c) => ({
      title: `7-minute briefing: ${c.pseudonym}`,
      values: c.briefing ?? { title: `Learning from the review of ${c.pseudonym}` },
    })),
  );

  app.post('/cases/:id/briefing', { config: { access: 'cases:read' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Case');
    const input = formInput(request.body);
    const saved = await submitForm(input, briefingInput, (value) =>
      reviews.practice.saveBriefing(contextOf(request), id, value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        'briefing-form',
        (c) => ({
          title: `7-minute briefing: ${c.pseudonym}`,
          values: input,
          errors: withPersonalDataErrors(saved.errors, input, FREE_TEXT.briefing),
          askConfirm: true,
        }),
        400,
      );
    return reply.redirect(`/cases/${id}?saved=1#briefing`, 303);
  });

  for (const [path, publish] of [
    ['/cases/:id/briefing/publish', true],
    ['/cases/:id/briefing/withdraw', false],
  ] as const) {
    app.post(path, { config: { access: 'cases:write' } }, async (request, reply) => {
      const id = idParam(request, 'id', 'Case');
      const saved = await saveForm(() => reviews.practice.publishBriefing(contextOf(request), id, publish));
      if (!saved.ok) return renderCase(deps, request, reply, { errors: saved.errors, form: 'briefing' }, 400);
      return reply.redirect(`/cases/${id}?saved=1#briefing`, 303);
    });
  }
}
