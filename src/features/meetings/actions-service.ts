import type { Database } from '../../db/database.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import * as repo from './actions-repo.ts';
import { findMeeting } from './meetings-repo.ts';
import { type ActionStatus, isOverdue, mayChangeActionDetails, mayUpdateAction } from './rules.ts';
import type { ActionInput, ActionPatch } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const options = { entityType: 'meeting-action', label: 'Action' };
const ownerError = () =>
  invalid([{ field: 'ownerPersonId', message: 'Select the owner from the people of this partnership' }]);

/** An action as shown and sent: with whether it is overdue today. */
const withOverdue = (action: repo.MeetingAction, today: string) => ({
  ...action,
  overdue: isOverdue(action, today),
});

export function createActionsService(db: Database) {
  return {
    async list(
      scope: Scope,
      query: {
        meetingId?: string;
        groupId?: string;
        agencyId?: string;
        status?: ActionStatus | 'open-or-in-progress';
        after?: string;
        limit: number;
      },
    ) {
      const today = todayInLondon();
      const rows = await repo.listActions(db, scope.partnershipId, {
        ...query,
        after: query.after ? decodeCursor(query.after) : null,
      });
      const page = toPage(rows, query.limit, (a) => ({ key: a.dueOn, id: a.id }));
      return { ...page, items: page.items.map((a) => withOverdue(a, today)) };
    },

    async get(scope: Scope, id: string) {
      const action = await repo.findAction(db, scope.partnershipId, id);
      if (!action) throw notFound('Action');
      return withOverdue(action, todayInLondon());
    },

    add: (ctx: RequestContext, meetingId: string, input: ActionInput) =>
      createAudited(db, ctx, options, async (tx) => {
        const meeting = await findMeeting(tx, ctx.partnershipId, meetingId);
        if (!meeting) throw notFound('Meeting');
        const id = await repo.insertAction(tx, ctx.partnershipId, meeting, input);
        if (!id) throw ownerError();
        return (await repo.findAction(tx, ctx.partnershipId, id)) as repo.MeetingAction;
      }),

    /**
     * Changes an action. Chairs and the business unit may change anything; the owning agency's people
     * only its status and progress; anyone else is refused.
     */
    update: (ctx: RequestContext, id: string, patch: ActionPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findAction(tx, ctx.partnershipId, id),
        async (tx, before) => {
          if (!mayUpdateAction(ctx.user, before)) throw forbidden();
          const details = ['text', 'ownerPersonId', 'dueOn'].filter((f) => f in patch);
          if (details.length > 0 && !mayChangeActionDetails(ctx.user.role)) {
            throw invalid(
              details.map((field) => ({
                field,
                message: 'Only the group’s chair or the business unit can change this',
              })),
            );
          }
          if (!(await repo.updateAction(tx, ctx.partnershipId, id, patch))) throw ownerError();
          return repo.findAction(tx, ctx.partnershipId, id);
        },
      ),
  };
}
