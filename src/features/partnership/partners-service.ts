import type { Database } from '../../db/database.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { ListCache, type ListScope } from '../../platform/cache/list-cache.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { pageByName } from '../../platform/http/pagination.ts';
import * as repo from './partners-repo.ts';
import type { AgencyKind } from './rules.ts';
import type { PartnerInput, PartnerPatch } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

const options = {
  entityType: 'partner',
  label: 'Partner',
  onUnique: () =>
    conflict('A partner with this name already exists', [
      { field: 'name', message: 'A partner with this name already exists in this partnership' },
    ]),
};

type PartnersQuery = { kind?: AgencyKind; q?: string; after?: string; limit: number };

export function createPartnersService(db: Database) {
  const lists = new ListCache();

  return {
    /** Whole partners, a page at a time by name (the API's list). */
    list: (scope: Scope, query: PartnersQuery) =>
      pageByName(query, (filter) => repo.listPartners(db, scope.partnershipId, filter)),

    /** What the table of partners shows of each, a page at a time by name. */
    rows: (scope: Scope, query: PartnersQuery) =>
      pageByName(query, (filter) => repo.listPartnerRows(db, scope.partnershipId, filter)),

    /** The current partners, for choosing one: kept per version of the partnership's lists. */
    choices: (scope: ListScope) =>
      lists.get(scope, 'agencies', () => repo.partnerChoices(db, scope.partnershipId)),

    /** Where partnership-wide notices go: each current partner's contact address, if it has one. */
    contacts: (scope: Scope) => repo.partnerContacts(db, scope.partnershipId),

    async get(scope: Scope, id: string) {
      const partner = await repo.findPartner(db, scope.partnershipId, id);
      if (!partner) throw notFound('Partner');
      return partner;
    },

    create: (ctx: RequestContext, input: PartnerInput) =>
      createAudited(db, ctx, options, (tx) => repo.insertPartner(tx, ctx.partnershipId, input)),

    update: (ctx: RequestContext, id: string, patch: PartnerPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findPartner(tx, ctx.partnershipId, id),
        (tx) => repo.updatePartner(tx, ctx.partnershipId, id, patch),
      ),
  };
}
