import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PlanDeps } from './plan-routes.ts';
import { ACTION_STATUSES, EVIDENCE_KINDS, SOURCE_KINDS } from './rules.ts';
import {
  actionInput,
  evidenceInput,
  linkSourceInput,
  mergeInput,
  newActionInput,
  planFilter,
  planQuery,
  progressInput,
  similarQuery,
  sourceInput,
} from './schemas.ts';
import { sourcesQuery } from './sources-routes.ts';

const TAG = 'Learning action plan';
const named = z.object({ id: z.uuid(), name: z.string() });
const actionOut = z.object({
  id: z.uuid(),
  number: z.number().describe('Shown as ACT-<number>'),
  text: z.string(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  raisedOn: z.string(),
  dueOn: z.string().nullable(),
  priorityId: z.uuid().nullable(),
  priorityName: z.string().nullable(),
  status: z.enum([...ACTION_STATUSES, 'merged']),
  outcome: z.string(),
  completedOn: z.string().nullable(),
  embeddedOn: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  mergedIntoNumber: z.number().nullable(),
  themes: z.array(named),
  sources: z.array(
    z.object({ id: z.uuid(), kind: z.enum(SOURCE_KINDS), title: z.string(), detail: z.string() }),
  ),
  evidenceCount: z.number(),
  overdue: z.boolean(),
});
const evidenceOut = z.object({
  id: z.uuid(),
  kind: z.enum(EVIDENCE_KINDS),
  summary: z.string(),
  evidenceOn: z.string(),
  reference: z.string(),
});
const actionDetailsOut = z.object({
  action: actionOut,
  updates: z.array(
    z.object({
      id: z.uuid(),
      writtenOn: z.string(),
      text: z.string(),
      statusFrom: z.string().nullable(),
      statusTo: z.string().nullable(),
      authorLabel: z.string(),
    }),
  ),
  evidence: z.array(evidenceOut),
});
const similarOut = z.array(
  z.object({
    id: z.uuid(),
    number: z.number(),
    text: z.string(),
    ownerAgencyName: z.string(),
    dueOn: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    score: z.number().describe('Trigram similarity, 0 to 1'),
    sources: z.array(z.object({ kind: z.enum(SOURCE_KINDS), title: z.string() })),
  }),
);
const sourceOut = z.object({
  id: z.uuid(),
  kind: z.enum(SOURCE_KINDS),
  title: z.string(),
  reference: z.string(),
  datedOn: z.string(),
  incidentId: z.uuid().nullable(),
  auditId: z.uuid().nullable(),
  actionCount: z.number(),
});
const counts = {
  actions: z.number(),
  sources: z.number(),
  open: z.number(),
  overdue: z.number(),
  completed: z.number(),
  embedded: z.number(),
};
const themesOut = z.object({
  themes: z.array(z.object({ themeId: z.uuid().nullable(), name: z.string(), ...counts })),
  totals: z.object(counts),
});
const idParams = z.object({ id: z.uuid() });
/** The API adds the action as asked unless `choice` names an action to link the source to instead. */
const apiNewAction = newActionInput.extend({
  choice: z.union([z.literal('new'), z.uuid()]).default('new'),
});

export function registerActionsApi(app: FastifyInstance, { plan }: PlanDeps) {
  const service = plan.actions;
  const doc = (summary: string, extra: Record<string, unknown> = {}) => ({ summary, tag: TAG, ...extra });

  app.get(
    '/api/v1/actions',
    {
      config: {
        access: 'plan:read',
        api: doc('The plan’s actions, soonest due first', { query: planQuery, response: pageOf(actionOut) }),
      },
    },
    (request) => service.list(contextOf(request), parseOrThrow(planQuery, request.query)),
  );

  app.get(
    '/api/v1/actions/similar',
    {
      config: {
        access: 'plan:manage',
        api: doc('Open actions like a text, most alike first: duplicates to link a source to', {
          query: similarQuery,
          response: similarOut,
        }),
      },
    },
    (request) => {
      const query = parseOrThrow(similarQuery, request.query);
      return service.similar(contextOf(request), query.text, query.sourceId ?? null);
    },
  );

  app.post(
    '/api/v1/actions',
    {
      config: {
        access: 'plan:manage',
        api: doc('Add an action answering a source, or (choice) link the source to an existing action', {
          body: apiNewAction,
          response: actionOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await service.create(ctx, parseOrThrow(apiNewAction, request.body));
      if (result.outcome === 'similar') throw new Error('the API always chooses');
      return reply
        .status(result.outcome === 'created' ? 201 : 200)
        .send(await service.get(ctx, result.action.id));
    },
  );

  app.get(
    '/api/v1/actions/:id',
    {
      config: {
        access: 'plan:read',
        api: doc('One action with its history and evidence', {
          params: idParams,
          response: actionDetailsOut,
        }),
      },
    },
    (request) => service.details(contextOf(request), idParam(request, 'id', 'Action')),
  );

  app.put(
    '/api/v1/actions/:id',
    {
      config: {
        access: 'plan:manage',
        api: doc('Replace an action’s text, themes, owner, dates and priority', {
          params: idParams,
          body: actionInput,
          response: actionOut,
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Action');
      await service.updateDetails(ctx, id, parseOrThrow(actionInput, request.body));
      return service.get(ctx, id);
    },
  );

  app.post(
    '/api/v1/actions/:id/progress',
    {
      config: {
        access: 'plan:update',
        api: doc('Record progress or a change of status (completed needs an outcome, embedded evidence)', {
          params: idParams,
          body: progressInput,
          response: actionOut,
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Action');
      await service.progress(ctx, id, parseOrThrow(progressInput, request.body));
      return service.get(ctx, id);
    },
  );

  app.post(
    '/api/v1/actions/:id/evidence',
    {
      config: {
        access: 'plan:update',
        api: doc('Add evidence that the learning is embedded', {
          params: idParams,
          body: evidenceInput,
          response: evidenceOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addEvidence(
            contextOf(request),
            idParam(request, 'id', 'Action'),
            parseOrThrow(evidenceInput, request.body),
          ),
        ),
  );

  app.post(
    '/api/v1/actions/:id/merge',
    {
      config: {
        access: 'plan:manage',
        api: doc('Merge another action into this one, keeping both sources and histories', {
          params: idParams,
          body: mergeInput,
          response: actionOut,
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Action');
      await service.merge(ctx, id, parseOrThrow(mergeInput, request.body).otherId);
      return service.get(ctx, id);
    },
  );

  app.post(
    '/api/v1/actions/:id/sources',
    {
      config: {
        access: 'plan:manage',
        api: doc('Link one more source to an action', {
          params: idParams,
          body: linkSourceInput,
          response: actionOut,
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Action');
      await service.linkSource(ctx, id, parseOrThrow(linkSourceInput, request.body));
      return service.get(ctx, id);
    },
  );

  app.get(
    '/api/v1/action-sources',
    {
      config: {
        access: 'plan:read',
        api: doc('What the actions answer, newest first', {
          query: sourcesQuery,
          response: pageOf(sourceOut),
        }),
      },
    },
    (request) => plan.sources.list(contextOf(request), parseOrThrow(sourcesQuery, request.query)),
  );

  app.post(
    '/api/v1/action-sources',
    {
      config: {
        access: 'plan:manage',
        api: doc('Add a scrutiny report, national review or other source', {
          body: sourceInput,
          response: sourceOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plan.sources.create(contextOf(request), parseOrThrow(sourceInput, request.body))),
  );

  app.get(
    '/api/v1/action-themes',
    {
      config: {
        access: 'plan:oversee',
        api: doc('Per theme: actions, sources, open, overdue, completed and embedded', {
          query: planFilter,
          response: themesOut,
        }),
      },
    },
    (request) => plan.themes.summary(contextOf(request), parseOrThrow(planFilter, request.query)),
  );
}
