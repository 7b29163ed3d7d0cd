import type { Database, Queryable } from '../../db/database.ts';
import type { Role } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { pageByName } from '../../platform/http/pagination.ts';
import { findPartner } from './partners-repo.ts';
import { userChangeProblem } from './rules.ts';
import type { UserInput, UserPatch } from './schemas.ts';
import * as repo from './users-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

export const INVITATION_DAYS = 7;

const options = {
  entityType: 'user',
  label: 'User',
  onUnique: () =>
    conflict('An account with this email address already exists', [
      { field: 'email', message: 'An account with this email address already exists' },
    ]),
};

type UsersQuery = { role?: Role; agencyId?: string; q?: string; after?: string; limit: number };

export function createUsersService(db: Database) {
  async function issueInvitation(tx: Queryable, userId: string) {
    const token = newToken();
    await repo.insertInvitation(
      tx,
      userId,
      tokenHash(token),
      new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    );
    return `/invitations/${token}`;
  }

  return {
    /** Whole accounts, a page at a time by name (the API's list). */
    list: (scope: Scope, query: UsersQuery) =>
      pageByName(query, (filter) => repo.listUsers(db, scope.partnershipId, filter)),

    /** What the table of users shows of each, a page at a time by name. */
    rows: (scope: Scope, query: UsersQuery) =>
      pageByName(query, (filter) => repo.listUserRows(db, scope.partnershipId, filter)),

    async get(scope: Scope, id: string) {
      const user = await repo.findUser(db, scope.partnershipId, id);
      if (!user) throw notFound('User');
      return user;
    },

    /** Creates the account and a one-time link, valid for a week, to set its password. */
    async invite(ctx: RequestContext, input: UserInput) {
      const problem = userChangeProblem(ctx.user, null, input);
      if (problem) throw invalid([problem]);
      let invitationPath = '';
      const user = await createAudited(db, ctx, options, async (tx) => {
        if (!(await findPartner(tx, ctx.partnershipId, input.agencyId))) {
          throw invalid([{ field: 'agencyId', message: 'Select an agency of this partnership' }]);
        }
        const created = await repo.insertUser(tx, ctx.partnershipId, input);
        invitationPath = await issueInvitation(tx, created.id);
        return created;
      });
      return { user, invitationPath };
    },

    async reinvite(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const user = await repo.findUser(tx, ctx.partnershipId, id);
        if (!user) throw notFound('User');
        const path = await issueInvitation(tx, id);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'user.invited',
          entityType: 'user',
          entityId: id,
        });
        return path;
      });
    },

    update: (ctx: RequestContext, id: string, patch: UserPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findUser(tx, ctx.partnershipId, id),
        async (tx, before) => {
          const problem = userChangeProblem(ctx.user, before, patch);
          if (problem) throw invalid([problem]);
          if (patch.agencyId && !(await findPartner(tx, ctx.partnershipId, patch.agencyId))) {
            throw invalid([{ field: 'agencyId', message: 'Select an agency of this partnership' }]);
          }
          const after = await repo.updateUser(tx, ctx.partnershipId, id, patch);
          if (after && before.isActive && !after.isActive) await repo.endAccess(tx, id);
          return after;
        },
      ),
  };
}
