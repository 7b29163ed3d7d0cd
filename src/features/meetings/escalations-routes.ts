import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { filterQueryOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow, searchText } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { ESCALATION_STATUS_LABELS, ESCALATION_STATUSES } from './escalation-rules.ts';
import { escalationInput, escalationMove } from './schemas.ts';
import type { MeetingService } from './service.ts';

type Deps = { page: PageRenderer; partnership: PartnershipService; meetings: MeetingService };

const blankToUndefined = z.literal('').transform(() => undefined);
const optionalId = (what: string) =>
  z.union([blankToUndefined, z.uuid({ error: `${what} must be the id of a ${what}` })]).optional();
export const escalationsQuery = pageQuery.extend({
  status: z
    .union([
      blankToUndefined,
      z.enum([...ESCALATION_STATUSES, 'unanswered'], {
        error: 'status must be open, considered, responded, closed or unanswered',
      }),
    ])
    .optional(),
  groupId: optionalId('group'),
  agencyId: optionalId('agency'),
  meetingId: optionalId('meeting'),
  q: searchText('Title contains'),
  raisedBy: searchText('Raised by'),
});

export const escalationLabels = {
  escalationStatusLabels: ESCALATION_STATUS_LABELS,
  escalationStatusFilter: [
    { value: 'unanswered', text: 'Not yet answered (open or considered)' },
    ...ESCALATION_STATUSES.map((s) => ({ value: s, text: ESCALATION_STATUS_LABELS[s] })),
  ],
};
const FORM = 'meetings/views/escalation-form.njk';

export function registerEscalationPages(app: FastifyInstance, { page, partnership, meetings }: Deps) {
  const service = meetings.escalations;

  app.get('/escalations', { config: { access: 'escalations:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(escalationsQuery, request.query);
    // Group and agency are searched by name: a select of every group is unusable in a big partnership.
    // Links may still filter by id (a group's page does); the page then names what it is showing.
    const [result, named] = await Promise.all([service.rows(ctx, query), service.filterNames(ctx, query)]);
    const { after: _a, limit: _l, ...filters } = query;
    const { groupId: _g, agencyId: _ag, meetingId: _m, ...withoutIds } = filters;
    return page(request, reply, 'meetings/views/escalations-list.njk', {
      title: 'Escalation tracker',
      result,
      query,
      named,
      filterQuery: filterQueryOf(filters),
      clearNamedQuery: filterQueryOf(withoutIds),
      ...escalationLabels,
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [groups, agencies, people] = await Promise.all([
      partnership.groups.choices(ctx),
      partnership.partners.choices(ctx),
      partnership.people.choices(ctx),
    ]);
    return page(
      request,
      reply,
      FORM,
      { ...context, groups, agencies, people, dateFields: ['raisedOn'] },
      status,
    );
  }

  app.get('/escalations/new', { config: { access: 'escalations:raise' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const given = request.query as Record<string, unknown>;
    const text = (key: string) => (typeof given[key] === 'string' ? (given[key] as string) : '');
    let groupId = text('groupId');
    let meeting = null;
    if (text('meetingId')) {
      meeting = await meetings.meetings.get(ctx, text('meetingId')).catch(() => null);
      if (meeting) groupId = meeting.groupId;
    }
    return renderForm(request, reply, {
      title: 'Raise an escalation to the executive',
      meeting,
      values: {
        raisedByGroupId: groupId,
        raisedByAgencyId: text('agencyId') || ctx.user.agencyId,
        raisedAtMeetingId: meeting?.id ?? '',
        raisedOn: meeting && meeting.date <= todayInLondon() ? meeting.date : todayInLondon(),
      },
    });
  });

  app.post('/escalations', { config: { access: 'escalations:raise' } }, async (request, reply) => {
    const input = formInput(request.body, ['raisedOn']);
    const saved = await submitForm(input, escalationInput, (value) =>
      service.raise(contextOf(request), value),
    );
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: 'Raise an escalation to the executive', values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/escalations/${saved.result.id}?raised=1`, 303);
  });

  async function renderEscalation(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown> } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const view = await service.detail(ctx, idParam(request, 'id', 'Escalation'));
    return page(
      request,
      reply,
      'meetings/views/escalation.njk',
      {
        title: `ESC-${view.escalation.number}: ${view.escalation.title}`,
        ...view,
        mayRespond: can(ctx.user.role, 'escalations:respond'),
        moves: view.next.map((s) => ({ value: s, text: ESCALATION_STATUS_LABELS[s] })),
        values: { onDate: todayInLondon() },
        dateFields: ['onDate'],
        ...extra,
        ...escalationLabels,
      },
      status,
    );
  }

  app.get('/escalations/:id', { config: { access: 'escalations:read' } }, (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const flash = q.raised ? 'Escalation raised' : q.moved ? 'Escalation updated' : undefined;
    return renderEscalation(request, reply, { flash });
  });

  app.post(
    '/escalations/:id/status',
    { config: { access: 'escalations:respond' } },
    async (request, reply) => {
      const id = idParam(request, 'id', 'Escalation');
      const input = formInput(request.body, ['onDate']);
      const saved = await submitForm(input, escalationMove, (value) =>
        service.move(contextOf(request), id, value),
      );
      if (!saved.ok) return renderEscalation(request, reply, { errors: saved.errors, values: input }, 400);
      return reply.redirect(`/escalations/${id}?moved=1`, 303);
    },
  );
}
