import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow, requiredText } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { MeetingService } from './service.ts';

export const keyPointsInput = z.strictObject({
  keyPoints: requiredText(5_000, 'Write the key points', 'The key points'),
});
const keyPointsOut = z.object({
  meetingId: z.uuid(),
  date: z.string(),
  groupName: z.string(),
  keyPoints: z.string(),
  approvedAt: z.string(),
  approvedBy: z.string(),
});
const idParams = z.object({ id: z.uuid() });

/** Key points of executive meetings: the page of all approved ones, and the API to draft and approve. */
export function registerKeyPointsRoutes(
  app: FastifyInstance,
  { page, meetings }: { page: PageRenderer; meetings: MeetingService },
) {
  const service = meetings.keyPoints;

  app.get('/key-points', { config: { access: 'meetings:read' } }, async (request, reply) => {
    const query = parseOrThrow(pageQuery, request.query);
    const result = await service.list(contextOf(request), query);
    return page(request, reply, 'meetings/views/key-points.njk', {
      title: 'Key points from the Executive',
      result,
    });
  });

  app.get(
    '/api/v1/key-points',
    {
      config: {
        access: 'meetings:read',
        api: {
          summary: 'Approved key points of executive meetings, newest first',
          tag: 'Meetings',
          query: pageQuery,
          response: pageOf(keyPointsOut),
        },
      },
    },
    async (request) => service.list(contextOf(request), parseOrThrow(pageQuery, request.query)),
  );

  app.put(
    '/api/v1/meetings/:id/key-points',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Save a draft of an executive meeting’s key points',
          tag: 'Meetings',
          params: idParams,
          body: keyPointsInput,
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      const { keyPoints } = parseOrThrow(keyPointsInput, request.body);
      await service.saveDraft(contextOf(request), idParam(request, 'id', 'Meeting'), keyPoints);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/meetings/:id/key-points/approve',
    {
      config: {
        access: 'key-points:approve',
        api: {
          summary: 'Approve the key points and send them to every partner’s contact address',
          tag: 'Meetings',
          params: idParams,
          response: z.object({ sentTo: z.number().describe('How many partners they were sent to') }),
        },
      },
    },
    async (request) => service.approve(contextOf(request), idParam(request, 'id', 'Meeting')),
  );
}
