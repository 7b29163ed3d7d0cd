import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { sendFile } from '../../platform/files/send.ts';
import type { UploadedFile } from '../../platform/files/uploads.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, saveForm, submitForm } from '../../platform/http/forms.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import { escalationLabels } from './escalations-routes.ts';
import { keyPointsInput } from './key-points-routes.ts';
import { labels } from './labels.ts';
import { actionInput, agendaItemInput, attendanceInput, decisionInput } from './schemas.ts';
import type { MeetingService } from './service.ts';

type Deps = { page: PageRenderer; meetings: MeetingService };

const FLASHES: Record<string, string> = {
  saved: 'Meeting saved',
  item: 'Agenda item added',
  itemRemoved: 'Agenda item removed',
  attendance: 'Attendance recorded',
  decision: 'Decision recorded',
  action: 'Action added',
  actionSaved: 'Action updated',
  keyPoints: 'Key points saved as a draft',
  paper: 'Paper uploaded',
  paperRemoved: 'Paper removed',
  approved: 'Key points approved and sent to the partners',
};

/** The attendance form sends one field per person, "attendance-<person id>", set to present, apologies or absent. */
export function attendanceFromForm(body: unknown): { personId: string; status: string }[] {
  const rows: { personId: string; status: string }[] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const match = /^attendance-(.+)$/.exec(key);
    if (match && typeof value === 'string' && value !== '')
      rows.push({ personId: match[1] as string, status: value });
  }
  return rows;
}

export function registerMeetingPage(app: FastifyInstance, { page, meetings }: Deps) {
  const service = meetings.meetings;

  async function renderMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown>; failed?: string } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const view = await service.overview(ctx, meetingId);
    // Who can lead an item or own an action: those at the meeting and the group's members.
    const people = [
      ...view.attendance.map((a) => ({ value: a.personId, text: `${a.name} (${a.agencyName})` })),
      ...view.unrecorded.map((m) => ({ value: m.personId, text: `${m.name} (${m.agencyName})` })),
    ];
    return page(
      request,
      reply,
      'meetings/views/meeting.njk',
      {
        title: `${view.group.name}: meeting on ${view.meeting.date}`,
        ...view,
        people,
        mayWrite: can(ctx.user.role, 'meetings:write'),
        mayApprove: can(ctx.user.role, 'key-points:approve'),
        values: {},
        ...extra,
        dateFields: ['dueOn'],
        ...labels,
        ...escalationLabels,
      },
      status,
    );
  }

  app.get('/meetings/:id', { config: { access: 'meetings:read' } }, async (request, reply) => {
    const flashKey = Object.keys(FLASHES).find((k) => (request.query as Record<string, unknown>)[k]);
    return renderMeeting(request, reply, idParam(request, 'id', 'Meeting'), {
      flash: flashKey ? FLASHES[flashKey] : undefined,
    });
  });

  /** A part of the meeting page's forms: on errors the page again with them, else back to the part. */
  function part<S extends z.ZodType>(
    name: string,
    path: string,
    schema: S,
    toInput: (body: unknown) => Record<string, unknown>,
    save: (request: FastifyRequest, meetingId: string, value: z.output<S>) => Promise<unknown>,
    done: string,
    fieldOf: (field: string, input: Record<string, unknown>) => string = (field) => field,
  ) {
    app.post(`/meetings/:id/${path}`, { config: { access: 'meetings:write' } }, async (request, reply) => {
      const meetingId = idParam(request, 'id', 'Meeting');
      const input = toInput(request.body);
      const saved = await submitForm(input, schema, (value) => save(request, meetingId, value));
      if (!saved.ok) {
        const errors = saved.errors.map((e) => ({ ...e, field: fieldOf(e.field, input) }));
        return renderMeeting(request, reply, meetingId, { errors, values: input, failed: name }, 400);
      }
      return reply.redirect(`/meetings/${meetingId}?${done}`, 303);
    });
  }

  part(
    'agenda',
    'agenda',
    agendaItemInput,
    (body) => formInput(body),
    (request, id, value) => service.addAgendaItem(contextOf(request), id, value),
    'item=1#agenda',
  );
  part(
    'attendance',
    'attendance',
    attendanceInput,
    (body) => ({ attendance: attendanceFromForm(body) }),
    (request, id, value) => service.recordAttendance(contextOf(request), id, value.attendance),
    'attendance=1#attendance',
    // "attendance.2.status" is the third person's radios, whose first box has that person's id.
    (field, input) => {
      const index = /^attendance\.(\d+)/.exec(field)?.[1];
      const row =
        index === undefined ? undefined : (input.attendance as { personId: string }[])[Number(index)];
      return row ? `attendance-${row.personId}` : 'attendance';
    },
  );
  part(
    'decision',
    'decisions',
    decisionInput,
    (body) => formInput(body),
    (request, id, value) => service.addDecision(contextOf(request), id, value.text),
    'decision=1#decisions',
    () => 'decisionText',
  );
  part(
    'action',
    'actions',
    actionInput,
    (body) => formInput(body, ['dueOn']),
    (request, id, value) => meetings.actions.add(contextOf(request), id, value),
    'action=1#actions',
    (field) => ({ text: 'actionText', ownerPersonId: 'actionOwner' })[field] ?? field,
  );

  part(
    'keyPoints',
    'key-points',
    keyPointsInput,
    (body) => formInput(body),
    (request, id, value) => meetings.keyPoints.saveDraft(contextOf(request), id, value.keyPoints),
    'keyPoints=1#key-points',
  );

  app.post(
    '/meetings/:id/key-points/approve',
    { config: { access: 'key-points:approve' } },
    async (request, reply) => {
      const meetingId = idParam(request, 'id', 'Meeting');
      const saved = await saveForm(() => meetings.keyPoints.approve(contextOf(request), meetingId));
      if (!saved.ok)
        return renderMeeting(request, reply, meetingId, { errors: saved.errors, failed: 'keyPoints' }, 400);
      return reply.redirect(`/meetings/${meetingId}?approved=1#key-points`, 303);
    },
  );

  app.post('/meetings/:id/papers', { config: { access: 'meetings:write' } }, async (request, reply) => {
    const meetingId = idParam(request, 'id', 'Meeting');
    const body = (request.body ?? {}) as { file?: UploadedFile; agendaItemId?: unknown };
    const saved = await saveForm(() =>
      meetings.papers.add(contextOf(request), meetingId, body.file, body.agendaItemId),
    );
    if (!saved.ok)
      return renderMeeting(request, reply, meetingId, { errors: saved.errors, failed: 'paper' }, 400);
    return reply.redirect(`/meetings/${meetingId}?paper=1#papers`, 303);
  });

  app.get(
    '/meetings/:id/papers/:paperId',
    { config: { access: 'meetings:read' } },
    async (request, reply) => {
      const paper = await meetings.papers.content(
        contextOf(request),
        idParam(request, 'id', 'Meeting'),
        idParam(request, 'paperId', 'Paper'),
      );
      return sendFile(reply, paper);
    },
  );

  app.post(
    '/meetings/:id/papers/:paperId/remove',
    { config: { access: 'meetings:write' } },
    async (request, reply) => {
      const meetingId = idParam(request, 'id', 'Meeting');
      await meetings.papers.remove(contextOf(request), meetingId, idParam(request, 'paperId', 'Paper'));
      return reply.redirect(`/meetings/${meetingId}?paperRemoved=1#papers`, 303);
    },
  );

  app.post(
    '/meetings/:id/agenda/:itemId/remove',
    { config: { access: 'meetings:write' } },
    async (request, reply) => {
      const meetingId = idParam(request, 'id', 'Meeting');
      await service.removeAgendaItem(
        contextOf(request),
        meetingId,
        idParam(request, 'itemId', 'Agenda item'),
      );
      return reply.redirect(`/meetings/${meetingId}?itemRemoved=1#agenda`, 303);
    },
  );
}
