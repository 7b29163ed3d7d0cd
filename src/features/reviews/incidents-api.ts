import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Permission } from '../../platform/access/roles.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { ReviewDeps } from './cases-routes.ts';
import { CLOCK_KEYS } from './clocks.ts';
import { LEARNING_EVENT_KINDS, REVIEW_METHODS } from './practice-review-rules.ts';
import { clocksQuery, incidentsQuery } from './queries.ts';
import { AGE_BANDS, CASE_KINDS, DECISIONS, HARM_CATEGORIES, OUTCOMES, TEAM_CAPACITIES } from './rules.ts';
import {
  briefingInput,
  decisionInput,
  incidentInput,
  learningEventInput,
  practiceReviewInput,
  rapidReviewInput,
  recommendationInput,
  teamMemberInput,
} from './schemas.ts';

const TAG = 'Case reviews';
const date = z.string().describe('YYYY-MM-DD');
const clockStatus = z.enum(['due', 'due-soon', 'overdue', 'met', 'not-applicable', 'not-started']);
const clockOut = z.object({
  key: z.enum(CLOCK_KEYS),
  name: z.string(),
  dueOn: date.nullable(),
  metOn: date.nullable(),
  status: clockStatus,
  late: z.boolean().describe('Met after its due date'),
  reason: z.string().nullable().describe('Why it is not applicable, or what starts it'),
});
const reviewOut = z.object({
  methods: z.array(z.enum(REVIEW_METHODS)),
  termsOfReference: z.string(),
  familyEngagement: z.string(),
  themes: z.array(z.string()),
  plannedPublicationOn: date.nullable(),
  completedOn: date.nullable(),
  sentToPanelOn: date.nullable(),
  publishedOn: date.nullable(),
  improvementsPublishedOn: date.nullable(),
  improvementsSummary: z.string(),
  notPublishedReasons: z.string(),
});
const briefingOut = z.object({
  id: z.uuid(),
  title: z.string(),
  caseInBrief: z.string(),
  whatWeLearnt: z.string(),
  doDifferently: z.string(),
  questions: z.string(),
  publishedOn: date.nullable(),
});
const practiceOut = {
  review: reviewOut.nullable().describe('The practice review, once there is one (LCSPR or legacy SCR)'),
  recommendations: z.array(
    z.object({ id: z.uuid(), theme: z.string(), recommendation: z.string(), response: z.string() }),
  ),
  documents: z.array(
    z.object({ id: z.uuid(), kind: z.enum(['draft', 'final']), filename: z.string(), sizeBytes: z.number() }),
  ),
  events: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(LEARNING_EVENT_KINDS),
      heldOn: date,
      notes: z.string(),
      attendees: z.array(z.object({ id: z.uuid(), name: z.string(), agencyName: z.string() })),
    }),
  ),
  briefing: briefingOut.nullable().describe('The 7-minute briefing'),
};
const incidentOut = z.object({
  id: z.uuid(),
  reference: z.string().describe('SI-<number>'),
  number: z.number(),
  kind: z.enum(CASE_KINDS),
  pseudonym: z.string(),
  awareOn: date,
  outcome: z.enum(OUTCOMES),
  harmCategory: z.enum(HARM_CATEGORIES),
  ageBand: z.enum(AGE_BANDS),
  summary: z.string(),
  notifiedPanelOn: date.nullable(),
  panelMetOn: date.nullable(),
  immediateLearning: z.string(),
  recommendation: z.enum(DECISIONS).nullable(),
  recommendationReasons: z.string(),
  rapidReviewSentOn: date.nullable(),
  decision: z.enum(DECISIONS).nullable(),
  decidedOn: date.nullable(),
  decisionReasons: z.string(),
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  people: z.array(
    z.object({ id: z.uuid(), name: z.string(), agencyName: z.string(), email: z.string().nullable() }),
  ),
  clocks: z.array(clockOut).describe('Every statutory and local clock of the case, with its due date'),
  team: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      capacity: z.enum(TEAM_CAPACITIES),
      overrideReason: z.string().nullable(),
    }),
  ),
  ...practiceOut,
});
const incidentRowOut = z.object({
  id: z.uuid(),
  reference: z.string(),
  pseudonym: z.string(),
  kind: z.enum(CASE_KINDS),
  awareOn: date,
  harmCategory: z.enum(HARM_CATEGORIES),
  ageBand: z.enum(AGE_BANDS),
  recommendation: z.enum(DECISIONS).nullable(),
  decision: z.enum(DECISIONS).nullable(),
  nextDueOn: date.nullable().describe('The soonest clock not yet met'),
  nextClock: z.enum(CLOCK_KEYS).nullable(),
});
const openClockOut = z.object({
  incidentId: z.uuid(),
  reference: z.string(),
  pseudonym: z.string(),
  clock: z.enum(CLOCK_KEYS),
  dueOn: date,
  status: z.enum(['due', 'due-soon', 'overdue']),
});
const idParams = z.object({ id: z.uuid() });
const NEED_TO_KNOW =
  'Case material: only the business unit, the executive and the case’s panel and reviewers; every call is in the audit log.';

export function registerIncidentsApi(app: FastifyInstance, { reviews }: ReviewDeps) {
  const service = reviews.incidents;
  const one = (request: Parameters<typeof contextOf>[0]) =>
    service.get(contextOf(request), idParam(request, 'id', 'Case'));

  app.get(
    '/api/v1/incidents',
    {
      config: {
        access: 'cases:read',
        api: {
          summary: `Serious incidents and their reviews, newest first. ${NEED_TO_KNOW}`,
          tag: TAG,
          query: incidentsQuery,
          response: pageOf(incidentRowOut),
        },
      },
    },
    async (request) => service.list(contextOf(request), parseOrThrow(incidentsQuery, request.query)),
  );

  app.post(
    '/api/v1/incidents',
    {
      config: {
        access: 'cases:write',
        api: {
          summary: 'Record a serious incident under a pseudonym; returns it with its clocks',
          tag: TAG,
          body: incidentInput,
          response: incidentOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await service.create(ctx, parseOrThrow(incidentInput, request.body));
      return reply.status(201).send(await service.get(ctx, created.id));
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: {
        access: 'cases:read',
        api: {
          summary: `One case with its clocks. ${NEED_TO_KNOW}`,
          tag: TAG,
          params: idParams,
          response: incidentOut,
        },
      },
    },
    async (request) => one(request),
  );

  /**
   * A change to one case, answered with the case as it now is. The permission is the route's; who
   * may see the case, and who works on its review, the service checks.
   */
  const caseWrite = (
    method: 'PUT' | 'POST',
    url: string,
    access: Permission,
    summary: string,
    body: z.ZodType,
    run: (request: Parameters<typeof contextOf>[0], id: string, value: never) => Promise<unknown>,
    successStatus = 200,
  ) =>
    app.route({
      method,
      url,
      config: {
        access,
        api: { summary, tag: TAG, params: idParams, body, response: incidentOut, successStatus },
      },
      handler: async (request, reply) => {
        const id = idParam(request, 'id', 'Case');
        await run(request, id, parseOrThrow(body, request.body) as never);
        return reply.status(successStatus).send(await one(request));
      },
    });

  caseWrite(
    'PUT',
    '/api/v1/incidents/:id',
    'cases:write',
    'Replace an incident’s details, agencies and people involved',
    incidentInput,
    (request, id, value) => service.update(contextOf(request), id, value),
  );
  caseWrite(
    'PUT',
    '/api/v1/incidents/:id/rapid-review',
    'cases:write',
    'Record the rapid review: when the panel met, immediate learning, its recommendation',
    rapidReviewInput,
    (request, id, value) => service.recordRapidReview(contextOf(request), id, value),
  );
  caseWrite(
    'PUT',
    '/api/v1/incidents/:id/decision',
    'cases:decide',
    'Record the executive’s decision on the level of review (after the panel met)',
    decisionInput,
    (request, id, value) => service.decide(contextOf(request), id, value),
  );
  caseWrite(
    'POST',
    '/api/v1/incidents/:id/team',
    'cases:assign',
    'Put a user on the case’s panel or review. Reviewers and authors must be independent of the case; an executive may override with a reason',
    teamMemberInput,
    (request, id, value) => service.addToTeam(contextOf(request), id, value),
    201,
  );
  caseWrite(
    'PUT',
    '/api/v1/incidents/:id/review',
    'cases:read',
    'Record the practice review: methods, terms of reference, family engagement, themes, progress and publication (the business unit and the case’s reviewers)',
    practiceReviewInput,
    (request, id, value) => reviews.practice.save(contextOf(request), id, value),
  );
  caseWrite(
    'POST',
    '/api/v1/incidents/:id/recommendations',
    'cases:read',
    'Add a theme or recommendation of the review, with the partnership’s response',
    recommendationInput,
    (request, id, value) => reviews.practice.addRecommendation(contextOf(request), id, value),
    201,
  );
  caseWrite(
    'POST',
    '/api/v1/incidents/:id/events',
    'cases:read',
    'Record a learning session, follow-up workshop or reflection session that was held, with who came',
    learningEventInput,
    (request, id, value) => reviews.practice.addEvent(contextOf(request), id, value),
    201,
  );
  caseWrite(
    'PUT',
    '/api/v1/incidents/:id/briefing',
    'cases:read',
    'Write the case’s 7-minute briefing (published separately)',
    briefingInput,
    (request, id, value) => reviews.practice.saveBriefing(contextOf(request), id, value),
  );

  app.post(
    '/api/v1/incidents/:id/briefing/publish',
    {
      config: {
        access: 'cases:write',
        api: {
          summary: 'Publish the 7-minute briefing to practitioners and the public pages',
          tag: TAG,
          params: idParams,
          response: incidentOut,
        },
      },
    },
    async (request) => {
      await reviews.practice.publishBriefing(contextOf(request), idParam(request, 'id', 'Case'), true);
      return one(request);
    },
  );

  app.put(
    '/api/v1/incidents/:id/plan-source',
    {
      config: {
        access: 'plan:manage',
        api: {
          summary:
            'The practice review’s source in the learning action plan, made if it has none: pass it as sourceId to POST /api/v1/actions',
          tag: TAG,
          params: idParams,
          response: z.object({ sourceId: z.uuid() }),
        },
      },
    },
    (request) => reviews.incidents.planSource(contextOf(request), idParam(request, 'id', 'Case')),
  );

  app.get(
    '/api/v1/briefings',
    {
      config: {
        access: 'learning:read',
        api: {
          summary: 'Published 7-minute briefings, newest first: learning, not case material',
          tag: TAG,
          query: pageQuery,
          response: pageOf(briefingOut.extend({ pseudonym: z.string() })),
        },
      },
    },
    async (request) =>
      reviews.practice.publishedBriefings(
        contextOf(request).partnershipId,
        parseOrThrow(pageQuery, request.query),
      ),
  );

  app.get(
    '/api/v1/clocks',
    {
      config: {
        access: 'cases:read',
        api: {
          summary: `Every open clock, soonest first. ${NEED_TO_KNOW}`,
          tag: TAG,
          query: clocksQuery,
          response: pageOf(openClockOut),
        },
      },
    },
    async (request) =>
      reviews.clocks.openClocks(contextOf(request), parseOrThrow(clocksQuery, request.query)),
  );
}
