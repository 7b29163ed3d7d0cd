import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import type { PageSection } from '../../platform/views/sections.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { labels } from './labels.ts';
import { meetingInput, meetingPatch } from './schemas.ts';
import type { MeetingService } from './service.ts';

type Deps = { page: PageRenderer; partnership: PartnershipService; meetings: MeetingService };

const blankToUndefined = z.literal('').transform(() => undefined);
export const meetingsQuery = pageQuery.extend({
  groupId: z.union([blankToUndefined, z.uuid({ error: 'groupId must be the id of a group' })]).optional(),
  when: z
    .union([blankToUndefined, z.enum(['coming', 'past'], { error: 'when must be coming or past' })])
    .optional(),
});
const FORM = 'meetings/views/meeting-form.njk';
const DATE_FIELDS = ['date', 'papersDueOn'];

export function registerMeetingPages(app: FastifyInstance, { page, partnership, meetings }: Deps) {
  const service = meetings.meetings;

  app.get('/meetings', { config: { access: 'meetings:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(meetingsQuery, request.query);
    const when = query.when ?? 'coming';
    const [result, groups] = await Promise.all([
      service.list(ctx, { ...query, when }),
      partnership.groups.choices(ctx),
    ]);
    const filterQuery = new URLSearchParams({
      when,
      ...(query.groupId ? { groupId: query.groupId } : {}),
    }).toString();
    return page(request, reply, 'meetings/views/meetings-list.njk', {
      title: when === 'coming' ? 'Coming meetings' : 'Past meetings',
      result,
      query: { ...query, when },
      groups,
      filterQuery,
      ...labels,
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const groups = await partnership.groups.choices(contextOf(request));
    return page(request, reply, FORM, { ...context, groups, dateFields: DATE_FIELDS, ...labels }, status);
  }

  app.get('/meetings/new', { config: { access: 'meetings:write' } }, (request, reply) => {
    const { groupId } = request.query as { groupId?: unknown };
    return renderForm(request, reply, {
      title: 'Arrange a meeting',
      values: { groupId: typeof groupId === 'string' ? groupId : '', startTime: '10:00', endTime: '12:00' },
    });
  });

  app.post('/meetings', { config: { access: 'meetings:write' } }, async (request, reply) => {
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, meetingInput, (value) => service.create(contextOf(request), value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: 'Arrange a meeting', values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/meetings/${saved.result.id}?saved=1`, 303);
  });

  app.get('/meetings/:id/edit', { config: { access: 'meetings:write' } }, async (request, reply) => {
    const meeting = await service.get(contextOf(request), idParam(request, 'id', 'Meeting'));
    return renderForm(request, reply, { title: 'Change the meeting', meeting, values: meeting });
  });

  app.post('/meetings/:id', { config: { access: 'meetings:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const meeting = await service.get(ctx, idParam(request, 'id', 'Meeting'));
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, meetingPatch, (value) => service.update(ctx, meeting.id, value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        {
          title: 'Change the meeting',
          meeting,
          values: { ...input, groupId: meeting.groupId },
          errors: saved.errors,
        },
        400,
      );
    }
    return reply.redirect(`/meetings/${meeting.id}?saved=1`, 303);
  });
}

/** The group page's section: the group's coming and past meetings and its open actions. */
export function groupMeetingsSection(meetings: MeetingService): PageSection<{ id: string }> {
  return {
    visible: (request) => (request.user ? can(request.user.role, 'meetings:read') : false),
    async load(request, group) {
      const ctx = contextOf(request);
      return {
        template: 'meetings/views/group-section.njk',
        data: {
          ...(await meetings.meetings.groupSummary(ctx, group.id)),
          groupId: group.id,
          mayArrange: can(ctx.user.role, 'meetings:write'),
          mayReadEscalations: can(ctx.user.role, 'escalations:read'),
          ...labels,
        },
      };
    },
  };
}
