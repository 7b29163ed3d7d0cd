import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { type FieldError, notFound } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { labels } from './labels.ts';
import { mayChangeActionDetails, mayUpdateAction } from './rules.ts';
import { actionPatch } from './schemas.ts';
import type { MeetingService } from './service.ts';

type Deps = { page: PageRenderer; partnership: PartnershipService; meetings: MeetingService };

/** An action of a group's action list, and the form to update it. */
export function registerActionPages(app: FastifyInstance, { page, partnership, meetings }: Deps) {
  async function actionOf(request: FastifyRequest) {
    const ctx = contextOf(request);
    const meetingId = idParam(request, 'id', 'Meeting');
    const action = await meetings.actions.get(ctx, idParam(request, 'actionId', 'Action'));
    if (action.meetingId !== meetingId) throw notFound('Action');
    return action;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const action = await actionOf(request);
    const details = mayChangeActionDetails(ctx.user.role);
    const members = details ? await partnership.groups.members(ctx, action.groupId) : [];
    // The current owner is always a choice, member or not, so saving other changes keeps them.
    const owners = members.some((m) => m.personId === action.ownerPersonId)
      ? members
      : [
          { personId: action.ownerPersonId, name: action.ownerName, agencyName: action.agencyName },
          ...members,
        ];
    return page(
      request,
      reply,
      'meetings/views/action.njk',
      {
        title: `Action: ${action.text.slice(0, 60)}`,
        action,
        mayUpdate: mayUpdateAction(ctx.user, action),
        mayChangeDetails: details,
        owners,
        values: action,
        dateFields: ['dueOn'],
        ...extra,
        ...labels,
      },
      status,
    );
  }

  app.get('/meetings/:id/actions/:actionId', { config: { access: 'meetings:read' } }, (request, reply) =>
    render(request, reply),
  );

  app.post(
    '/meetings/:id/actions/:actionId',
    { config: { access: 'meeting-actions:update' } },
    async (request, reply) => {
      const action = await actionOf(request);
      const input = formInput(request.body, ['dueOn']);
      const saved = await submitForm(input, actionPatch, (value) =>
        meetings.actions.update(contextOf(request), action.id, value),
      );
      if (!saved.ok)
        return render(request, reply, { values: { ...action, ...input }, errors: saved.errors }, 400);
      return reply.redirect(`/meetings/${action.meetingId}?actionSaved=1#actions`, 303);
    },
  );
}
