import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { createAudited } from '../../platform/audit/audited.ts';
import { ListCache, type ListScope } from '../../platform/cache/list-cache.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, forbidden } from '../../platform/http/errors.ts';
import * as repo from './lists-repo.ts';
import { DEFAULT_THEMES, mayManagePlan } from './rules.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

const ENTITY: Record<repo.ListName, { entityType: string; label: string; what: string }> = {
  themes: { entityType: 'plan-theme', label: 'Theme', what: 'theme' },
  priorities: { entityType: 'priority', label: 'Priority', what: 'priority' },
};

/** The managed lists of themes and priorities: read by all who use the plan, kept by its holders. */
export function createListsService(db: Database) {
  const kept = new ListCache();
  return {
    items: (scope: Scope, list: repo.ListName) => repo.listItems(db, list, scope.partnershipId),
    /** The names, for choosing one: kept per version of the partnership's lists. */
    choices: (scope: ListScope, list: repo.ListName) =>
      kept.get(scope, list, () => repo.choices(db, list, scope.partnershipId)),

    add(ctx: RequestContext, list: repo.ListName, name: string) {
      if (!mayManagePlan(ctx.user.role)) throw forbidden();
      const entity = ENTITY[list];
      return createAudited(
        db,
        ctx,
        {
          ...entity,
          onUnique: () =>
            conflict(`There is already a ${entity.what} called ${name}`, [
              { field: 'name', message: `There is already a ${entity.what} called ${name}` },
            ]),
        },
        (tx) => repo.insertItem(tx, list, ctx.partnershipId, name),
      );
    },

    /** Adds the usual themes a partnership's list lacks (a new partnership starts with none). */
    addDefaultThemes: (ctx: RequestContext) =>
      db.transaction(async (tx) => {
        if (!mayManagePlan(ctx.user.role)) throw forbidden();
        const added = await repo.insertMissing(tx, 'themes', ctx.partnershipId, DEFAULT_THEMES);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'plan-theme.defaults-added',
          entityType: 'plan-theme',
          entityId: null,
          after: { added },
        });
        return added;
      }),
  };
}
