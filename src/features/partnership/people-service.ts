import type { Database, Queryable } from '../../db/database.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { pageByName } from '../../platform/http/pagination.ts';
import { findPartner } from './partners-repo.ts';
import * as repo from './people-repo.ts';
import type { PersonInput, PersonPatch } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const options = { entityType: 'person', label: 'Person' };

/** The agency must be one of this partnership's: an id from elsewhere is a field error, not a 500. */
async function checkAgency(tx: Queryable, partnershipId: string, agencyId: string | undefined) {
  if (agencyId && !(await findPartner(tx, partnershipId, agencyId))) {
    throw invalid([{ field: 'agencyId', message: 'Select an agency of this partnership' }]);
  }
}

type PeopleQuery = { agencyId?: string; q?: string; after?: string; limit: number };

export function createPeopleService(db: Database) {
  return {
    /** Whole people, a page at a time by name (the API's list). */
    list: (scope: Scope, query: PeopleQuery) =>
      pageByName(query, (filter) => repo.listPeople(db, scope.partnershipId, filter)),

    /** What the table of people shows of each, a page at a time by name. */
    rows: (scope: Scope, query: PeopleQuery) =>
      pageByName(query, (filter) => repo.listPersonRows(db, scope.partnershipId, filter)),

    choices: (scope: Scope) => repo.personChoices(db, scope.partnershipId),

    async get(scope: Scope, id: string) {
      const person = await repo.findPerson(db, scope.partnershipId, id);
      if (!person) throw notFound('Person');
      return person;
    },

    create: (ctx: RequestContext, input: PersonInput) =>
      createAudited(db, ctx, options, async (tx) => {
        await checkAgency(tx, ctx.partnershipId, input.agencyId);
        return repo.insertPerson(tx, ctx.partnershipId, input);
      }),

    update: (ctx: RequestContext, id: string, patch: PersonPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findPerson(tx, ctx.partnershipId, id),
        async (tx) => {
          await checkAgency(tx, ctx.partnershipId, patch.agencyId);
          return repo.updatePerson(tx, ctx.partnershipId, id, patch);
        },
      ),
  };
}
