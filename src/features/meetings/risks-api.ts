import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { RISK_STATUSES } from './risk-rules.ts';
import { risksQuery } from './risks-routes.ts';
import { riskEscalation, riskInput } from './schemas.ts';
import type { MeetingService } from './service.ts';

const TAG = 'Emerging risks';
const riskOut = z.object({
  id: z.uuid(),
  number: z.number().describe('Shown as RISK-<number>'),
  title: z.string(),
  description: z.string(),
  raisedByAgencyId: z.uuid(),
  raisedByAgencyName: z.string(),
  raisedByPersonId: z.uuid().nullable(),
  raisedByPersonName: z.string().nullable(),
  raisedOn: z.string(),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('The partners it affects'),
  response: z.string(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(RISK_STATUSES),
  reviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  escalationId: z.uuid().nullable(),
  escalationNumber: z.number().nullable(),
});
const idParams = z.object({ id: z.uuid() });

export function registerRisksApi(app: FastifyInstance, { meetings }: { meetings: MeetingService }) {
  const service = meetings.risks;

  app.get(
    '/api/v1/risks',
    {
      config: {
        access: 'risks:read',
        api: {
          summary: 'Emerging risks, newest first',
          tag: TAG,
          query: risksQuery,
          response: pageOf(riskOut),
        },
      },
    },
    async (request) => service.list(contextOf(request), parseOrThrow(risksQuery, request.query)),
  );

  app.post(
    '/api/v1/risks',
    {
      config: {
        access: 'risks:write',
        api: {
          summary: 'Record an emerging risk',
          tag: TAG,
          body: riskInput,
          response: riskOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await service.create(ctx, parseOrThrow(riskInput, request.body));
      return reply.status(201).send(await service.get(ctx, created.id));
    },
  );

  app.get(
    '/api/v1/risks/:id',
    {
      config: {
        access: 'risks:read',
        api: { summary: 'One risk', tag: TAG, params: idParams, response: riskOut },
      },
    },
    async (request) => service.get(contextOf(request), idParam(request, 'id', 'Risk')),
  );

  app.put(
    '/api/v1/risks/:id',
    {
      config: {
        access: 'risks:write',
        api: {
          summary: 'Replace a risk’s details',
          tag: TAG,
          params: idParams,
          body: riskInput,
          response: riskOut,
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Risk');
      await service.update(ctx, id, parseOrThrow(riskInput, request.body));
      return service.get(ctx, id);
    },
  );

  app.post(
    '/api/v1/risks/:id/escalate',
    {
      config: {
        access: 'risks:write',
        api: {
          summary: 'Escalate a risk to the executive in one step; returns the new escalation’s id',
          tag: TAG,
          params: idParams,
          body: riskEscalation,
          response: z.object({ id: z.uuid(), number: z.number() }),
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const created = await service.escalate(
        contextOf(request),
        idParam(request, 'id', 'Risk'),
        parseOrThrow(riskEscalation, request.body).ask,
      );
      return reply.status(201).send({ id: created.id, number: created.number });
    },
  );
}
