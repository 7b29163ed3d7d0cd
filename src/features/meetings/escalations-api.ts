import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { ESCALATION_STATUSES } from './escalation-rules.ts';
import { escalationsQuery } from './escalations-routes.ts';
import { escalationInput, escalationMove } from './schemas.ts';
import type { MeetingService } from './service.ts';

const TAG = 'Escalations';
const status = z.enum(ESCALATION_STATUSES);
const escalationOut = z.object({
  id: z.uuid(),
  number: z.number().describe('Shown as ESC-<number>'),
  title: z.string(),
  issue: z.string(),
  ask: z.string().describe('What the executive is asked to decide'),
  raisedByGroupId: z.uuid().nullable(),
  raisedByGroupName: z.string().nullable(),
  raisedByPersonId: z.uuid().nullable(),
  raisedByPersonName: z.string().nullable(),
  raisedByAgencyId: z.uuid(),
  raisedByAgencyName: z.string(),
  raisedAtMeetingId: z.uuid().nullable(),
  raisedOn: z.string(),
  status,
  response: z.string(),
  decision: z.string(),
  consideredOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  ageDays: z.number().describe('Days from raising to the response, or to today while unanswered'),
});
const detailOut = escalationOut.extend({
  history: z.array(
    z.object({
      onDate: z.string(),
      fromStatus: status.nullable(),
      toStatus: status,
      note: z.string(),
      actorLabel: z.string(),
    }),
  ),
  nextStatuses: z.array(status),
});
const idParams = z.object({ id: z.uuid() });

export function registerEscalationsApi(app: FastifyInstance, { meetings }: { meetings: MeetingService }) {
  const service = meetings.escalations;
  const detail = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const view = await service.detail(contextOf(request), id);
    return {
      ...view.escalation,
      history: view.events.map(({ at: _at, ...e }) => e),
      nextStatuses: view.next,
    };
  };

  app.get(
    '/api/v1/escalations',
    {
      config: {
        access: 'escalations:read',
        api: {
          summary: 'The escalation tracker, newest first',
          tag: TAG,
          query: escalationsQuery,
          response: pageOf(escalationOut),
        },
      },
    },
    async (request) => service.list(contextOf(request), parseOrThrow(escalationsQuery, request.query)),
  );

  app.post(
    '/api/v1/escalations',
    {
      config: {
        access: 'escalations:raise',
        api: {
          summary: 'Raise an escalation to the executive',
          tag: TAG,
          body: escalationInput,
          response: detailOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const created = await service.raise(contextOf(request), parseOrThrow(escalationInput, request.body));
      return reply.status(201).send(await detail(request, created.id));
    },
  );

  app.get(
    '/api/v1/escalations/:id',
    {
      config: {
        access: 'escalations:read',
        api: {
          summary: 'One escalation with its dated history',
          tag: TAG,
          params: idParams,
          response: detailOut,
        },
      },
    },
    async (request) => detail(request, idParam(request, 'id', 'Escalation')),
  );

  app.post(
    '/api/v1/escalations/:id/status',
    {
      config: {
        access: 'escalations:respond',
        api: {
          summary: 'Move an escalation on: considered, responded (with response and decision) or closed',
          tag: TAG,
          params: idParams,
          body: escalationMove,
          response: detailOut,
        },
      },
    },
    async (request) => {
      const id = idParam(request, 'id', 'Escalation');
      await service.move(contextOf(request), id, parseOrThrow(escalationMove, request.body));
      return detail(request, id);
    },
  );
}
