import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendFile } from '../../platform/files/send.ts';
import type { UploadedFile } from '../../platform/files/uploads.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { meetingsQuery } from './meetings-routes.ts';
import { ACTION_STATUSES, ATTENDANCE, MEETING_STATUSES } from './rules.ts';
import {
  actionInput,
  actionPatch,
  agendaItemInput,
  attendanceInput,
  decisionInput,
  meetingInput,
  meetingPatch,
} from './schemas.ts';
import type { MeetingService } from './service.ts';

const TAG = 'Meetings';
const meetingOut = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  startsAt: z.string().describe('ISO 8601 instant'),
  endsAt: z.string().describe('ISO 8601 instant'),
  date: z.string().describe('The day in London, YYYY-MM-DD'),
  startTime: z.string().describe('London time, HH:MM'),
  endTime: z.string().describe('London time, HH:MM'),
  place: z.string(),
  videoUrl: z.string().nullable(),
  papersDueOn: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
});
const agendaItemOut = z.object({
  id: z.uuid(),
  position: z.number(),
  title: z.string(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  isStanding: z.boolean().describe('The standing item "Escalations to the executive"'),
});
const meetingDetailOut = meetingOut.extend({
  agenda: z.array(agendaItemOut),
  attendance: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      agencyId: z.uuid(),
      agencyName: z.string(),
      status: z.enum(ATTENDANCE),
    }),
  ),
  quoracy: z.object({
    state: z.enum(['no-rule', 'quorate', 'not-quorate']),
    present: z.number().optional(),
    reasons: z.array(z.string()).optional(),
  }),
  decisions: z.array(z.object({ id: z.uuid(), text: z.string(), createdAt: z.string() })),
});
const actionOut = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  text: z.string(),
  ownerPersonId: z.uuid(),
  ownerName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  progress: z.string(),
  overdue: z.boolean(),
});
const idParams = z.object({ id: z.uuid() });
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
const actionsQuery = pageQuery.extend({
  status: z.enum(ACTION_STATUSES, { error: 'status must be open, in-progress, done or dropped' }).optional(),
});

export function registerMeetingsApi(app: FastifyInstance, { meetings }: { meetings: MeetingService }) {
  const service = meetings.meetings;

  async function detail(request: Parameters<typeof contextOf>[0], id: string) {
    const view = await service.overview(contextOf(request), id);
    return {
      ...view.meeting,
      agenda: view.agenda,
      attendance: view.attendance,
      quoracy: view.quoracy,
      decisions: view.decisions,
    };
  }

  app.get(
    '/api/v1/meetings',
    {
      config: {
        access: 'meetings:read',
        api: {
          summary: 'List meetings, coming (default) or past',
          tag: TAG,
          query: meetingsQuery,
          response: pageOf(meetingOut),
        },
      },
    },
    async (request) => service.list(contextOf(request), parseOrThrow(meetingsQuery, request.query)),
  );

  app.post(
    '/api/v1/meetings',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Arrange a meeting (its agenda starts with the standing escalations item)',
          tag: TAG,
          body: meetingInput,
          response: meetingDetailOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), parseOrThrow(meetingInput, request.body));
      return reply.status(201).send(await detail(request, created.id));
    },
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      config: {
        access: 'meetings:read',
        api: {
          summary: 'One meeting with its agenda, attendance, quoracy and decisions',
          tag: TAG,
          params: idParams,
          response: meetingDetailOut,
        },
      },
    },
    async (request) => detail(request, idParam(request, 'id', 'Meeting')),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Change a meeting',
          tag: TAG,
          params: idParams,
          body: meetingPatch,
          response: meetingDetailOut,
        },
      },
    },
    async (request) => {
      const id = idParam(request, 'id', 'Meeting');
      await service.update(contextOf(request), id, parseOrThrow(meetingPatch, request.body));
      return detail(request, id);
    },
  );

  app.post(
    '/api/v1/meetings/:id/agenda-items',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Add an agenda item',
          tag: TAG,
          params: idParams,
          body: agendaItemInput,
          response: z.object({ id: z.uuid() }),
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addAgendaItem(
            contextOf(request),
            idParam(request, 'id', 'Meeting'),
            parseOrThrow(agendaItemInput, request.body),
          ),
        ),
  );

  app.delete(
    '/api/v1/meetings/:id/agenda-items/:itemId',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Remove an agenda item (not the standing one)',
          tag: TAG,
          params: itemParams,
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      await service.removeAgendaItem(
        contextOf(request),
        idParam(request, 'id', 'Meeting'),
        idParam(request, 'itemId', 'Agenda item'),
      );
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Record who attended (all or nothing)',
          tag: TAG,
          params: idParams,
          body: attendanceInput,
          response: meetingDetailOut,
        },
      },
    },
    async (request) => {
      const id = idParam(request, 'id', 'Meeting');
      const input = parseOrThrow(attendanceInput, request.body);
      await service.recordAttendance(contextOf(request), id, input.attendance);
      return detail(request, id);
    },
  );

  app.post(
    '/api/v1/meetings/:id/decisions',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Record a decision',
          tag: TAG,
          params: idParams,
          body: decisionInput,
          response: z.object({ id: z.uuid(), text: z.string(), createdAt: z.string() }),
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addDecision(
            contextOf(request),
            idParam(request, 'id', 'Meeting'),
            parseOrThrow(decisionInput, request.body).text,
          ),
        ),
  );

  app.get(
    '/api/v1/meetings/:id/actions',
    {
      config: {
        access: 'meetings:read',
        api: {
          summary: 'A meeting’s action list',
          tag: TAG,
          params: idParams,
          query: actionsQuery,
          response: pageOf(actionOut),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const meeting = await service.get(ctx, idParam(request, 'id', 'Meeting'));
      return meetings.actions.list(ctx, {
        ...parseOrThrow(actionsQuery, request.query),
        meetingId: meeting.id,
      });
    },
  );

  app.post(
    '/api/v1/meetings/:id/actions',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary: 'Add an action to a meeting’s action list',
          tag: TAG,
          params: idParams,
          body: actionInput,
          response: actionOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await meetings.actions.add(
        ctx,
        idParam(request, 'id', 'Meeting'),
        parseOrThrow(actionInput, request.body),
      );
      return reply.status(201).send(await meetings.actions.get(ctx, created.id));
    },
  );

  app.patch(
    '/api/v1/meetings/:id/actions/:actionId',
    {
      config: {
        access: 'meeting-actions:update',
        api: {
          summary:
            'Update an action (its owning agency: status and progress; chairs and the business unit: anything)',
          tag: TAG,
          params: actionParams,
          body: actionPatch,
          response: actionOut,
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const meetingId = idParam(request, 'id', 'Meeting');
      const action = await meetings.actions.get(ctx, idParam(request, 'actionId', 'Action'));
      if (action.meetingId !== meetingId) throw notFound('Action');
      await meetings.actions.update(ctx, action.id, parseOrThrow(actionPatch, request.body));
      return meetings.actions.get(ctx, action.id);
    },
  );

  const paperOut = z.object({
    id: z.uuid(),
    meetingId: z.uuid(),
    agendaItemId: z.uuid().nullable(),
    filename: z.string(),
    mediaType: z.string().describe('Detected from the content'),
    sizeBytes: z.number(),
    uploadedBy: z.string(),
  });
  const paperParams = z.object({ id: z.uuid(), paperId: z.uuid() });

  app.get(
    '/api/v1/meetings/:id/papers',
    {
      config: {
        access: 'meetings:read',
        api: {
          summary: 'A meeting’s papers',
          tag: TAG,
          params: idParams,
          response: z.object({ items: z.array(paperOut) }),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const meeting = await service.get(ctx, idParam(request, 'id', 'Meeting'));
      return { items: await meetings.papers.list(ctx, meeting.id) };
    },
  );

  app.post(
    '/api/v1/meetings/:id/papers',
    {
      config: {
        access: 'meetings:write',
        api: {
          summary:
            'Upload a paper: multipart/form-data with `file` (PDF, Word, Excel, PowerPoint, OpenDocument, PNG or JPEG, up to 10 MB) and an optional `agendaItemId`',
          tag: TAG,
          params: idParams,
          response: paperOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as { file?: UploadedFile; agendaItemId?: unknown };
      const paper = await meetings.papers.add(
        contextOf(request),
        idParam(request, 'id', 'Meeting'),
        body.file,
        body.agendaItemId,
      );
      return reply.status(201).send(paper);
    },
  );

  app.get(
    '/api/v1/meetings/:id/papers/:paperId',
    {
      config: {
        access: 'meetings:read',
        api: { summary: 'Download a paper (its file, as an attachment)', tag: TAG, params: paperParams },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await meetings.papers.content(
          contextOf(request),
          idParam(request, 'id', 'Meeting'),
          idParam(request, 'paperId', 'Paper'),
        ),
      ),
  );

  app.delete(
    '/api/v1/meetings/:id/papers/:paperId',
    {
      config: {
        access: 'meetings:write',
        api: { summary: 'Remove a paper', tag: TAG, params: paperParams, successStatus: 204 },
      },
    },
    async (request, reply) => {
      await meetings.papers.remove(
        contextOf(request),
        idParam(request, 'id', 'Meeting'),
        idParam(request, 'paperId', 'Paper'),
      );
      return reply.status(204).send();
    },
  );
}
