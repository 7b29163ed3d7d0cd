import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { CLOCK_NAMES } from './clocks.ts';
import { labels } from './labels.ts';
import { FREE_TEXT, withPersonalDataErrors } from './personal-data.ts';
import { practiceReviewRefusal, REVIEW_METHOD_LABELS, worksOnReview } from './practice-review-rules.ts';
import { incidentsQuery } from './queries.ts';
import {
  AGE_BAND_LABELS,
  CASE_KIND_LABELS,
  DECISION_LABELS,
  HARM_CATEGORY_LABELS,
  mayJoinCaseTeam,
  seesEveryCase,
} from './rules.ts';
import { incidentInput } from './schemas.ts';
import type { ReviewService } from './service.ts';

export type ReviewDeps = { page: PageRenderer; partnership: PartnershipService; reviews: ReviewService };

const DATE_FIELDS = ['awareOn', 'notifiedPanelOn'];

/** Checkboxes send nothing, one value or several; the people involved are kept as they were. */
export const incidentForm = (body: unknown, personIds: string[] = []) => {
  const input = formInput(body, DATE_FIELDS);
  input.agencyIds = input.agencyIds ?? [];
  input.personIds = personIds;
  return input;
};

export function registerCasePages(app: FastifyInstance, { page, partnership, reviews }: ReviewDeps) {
  const service = reviews.incidents;

  app.get('/cases', { config: { access: 'cases:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(incidentsQuery, request.query);
    const result = await service.list(ctx, query);
    const filterQuery = new URLSearchParams({
      ...(query.q ? { q: query.q } : {}),
      ...(query.decision ? { decision: query.decision } : {}),
    }).toString();
    return page(request, reply, 'reviews/views/cases-list.njk', {
      title: 'Case reviews',
      result,
      query,
      filterQuery,
      seesEveryCase: seesEveryCase(ctx.user.role),
      ...labels,
    });
  });

  app.get('/cases.csv', { config: { access: 'cases:read' } }, async (request, reply) => {
    const { q, decision } = parseOrThrow(incidentsQuery, request.query);
    const rows = await service.exportList(contextOf(request), { q, decision });
    const lines = (async function* () {
      for await (const i of rows)
        yield [
          `SI-${i.number}`,
          i.pseudonym,
          CASE_KIND_LABELS[i.kind],
          i.awareOn,
          HARM_CATEGORY_LABELS[i.harmCategory],
          AGE_BAND_LABELS[i.ageBand],
          i.decision ? DECISION_LABELS[i.decision] : '',
          i.nextClock ? CLOCK_NAMES[i.nextClock] : '',
          i.nextDueOn,
        ];
    })();
    return sendCsv(
      reply,
      `case-reviews-${todayInLondon()}.csv`,
      ['Case', 'Pseudonym', 'Kind', 'Aware', 'Harm', 'Age band', 'Decision', 'Next clock', 'Next due'],
      lines,
    );
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const agencies = await partnership.partners.choices(contextOf(request));
    return page(
      request,
      reply,
      'reviews/views/case-form.njk',
      { ...context, agencies, dateFields: DATE_FIELDS, ...labels },
      status,
    );
  }

  app.get('/cases/new', { config: { access: 'cases:write' } }, (request, reply) =>
    renderForm(request, reply, { title: 'Record a serious incident', values: { kind: 'incident' } }),
  );

  app.post('/cases', { config: { access: 'cases:write' } }, async (request, reply) => {
    const input = incidentForm(request.body);
    const saved = await submitForm(input, incidentInput, (value) =>
      service.create(contextOf(request), value),
    );
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        {
          title: 'Record a serious incident',
          values: input,
          errors: withPersonalDataErrors(saved.errors, input, FREE_TEXT.incident),
          askConfirm: true,
        },
        400,
      );
    return reply.redirect(`/cases/${saved.result.id}?saved=1`, 303);
  });

  app.get('/cases/:id', { config: { access: 'cases:read' } }, (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved;
    return renderCase({ page, partnership, reviews }, request, reply, {
      flash: saved ? 'Case saved' : undefined,
    });
  });

  app.get('/cases/:id/edit', { config: { access: 'cases:write' } }, async (request, reply) => {
    const found = await service.get(contextOf(request), idParam(request, 'id', 'Case'));
    return renderForm(request, reply, {
      title: `Change ${found.reference}`,
      c: found,
      values: { ...found, agencyIds: found.agencies.map((a) => a.id) },
    });
  });

  app.post('/cases/:id', { config: { access: 'cases:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const found = await service.get(ctx, idParam(request, 'id', 'Case'));
    const input = incidentForm(
      request.body,
      found.people.map((p) => p.id),
    );
    const saved = await submitForm(input, incidentInput, (value) => service.update(ctx, found.id, value));
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        {
          title: `Change ${found.reference}`,
          c: found,
          values: input,
          errors: withPersonalDataErrors(saved.errors, input, FREE_TEXT.incident),
          askConfirm: true,
        },
        400,
      );
    return reply.redirect(`/cases/${found.id}?saved=1`, 303);
  });
}

const FOUND = 20;
const caseSearch = z.looseObject({
  findPerson: z.string().trim().max(100).optional(),
  findUser: z.string().trim().max(100).optional(),
});

/** The case page, with the errors and values of one of its forms when that form was refused. */
export async function renderCase(
  { page, partnership, reviews }: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown>; form?: string } = {},
  status = 200,
) {
  const ctx = contextOf(request);
  const found = await reviews.incidents.get(ctx, idParam(request, 'id', 'Case'));
  const mayWrite = can(ctx.user.role, 'cases:write');
  const mayAssign = can(ctx.user.role, 'cases:assign');
  // People and users are found by name, a few at a time: a partnership may have thousands.
  const search = caseSearch.safeParse(request.query);
  const { findPerson, findUser } = search.success ? search.data : {};
  const [agencies, people, users] = await Promise.all([
    mayWrite ? partnership.partners.choices(ctx) : [],
    mayWrite && findPerson
      ? partnership.people.list(ctx, { q: findPerson, limit: FOUND }).then((p) => p.items)
      : null,
    mayAssign
      ? partnership.users.list(ctx, { q: findUser, limit: findUser ? FOUND : 200 }).then((p) => p.items)
      : [],
  ]);
  return page(
    request,
    reply,
    'reviews/views/case.njk',
    {
      title: `${found.reference}: ${found.pseudonym}`,
      c: found,
      mayWrite,
      mayDecide: can(ctx.user.role, 'cases:decide'),
      mayAssign,
      hasReview: practiceReviewRefusal(found) === null,
      methodNames: (found.review?.methods ?? []).map((m) => REVIEW_METHOD_LABELS[m]),
      worksOnReview: worksOnReview(ctx.user, found.team),
      agencies,
      findPerson,
      findUser,
      foundPeople: people?.filter((p) => !found.people.some((x) => x.id === p.id)) ?? null,
      users: users.filter((u) => u.isActive && mayJoinCaseTeam(u.role)),
      values: {},
      // The date fields of the page's forms, for the error summary's links.
      dateFields: ['dueOn', 'heldOn'],
      ...extra,
      // A person is chosen from the "find a person" results, so that box is where an error shows.
      errors: extra.errors?.map((e) => (e.field === 'personId' ? { ...e, field: 'findPerson' } : e)),
      ...labels,
    },
    status,
  );
}
