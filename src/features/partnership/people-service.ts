import type { Database, Queryable } from '../../db/database.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
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
  /** A page of people read by `read` (whole or as the table's rows). */
  async function readPage<P extends repo.PersonRow>(
    scope: Scope,
    query: PeopleQuery,
    read: (db: Database, partnershipId: string, filter: repo.PersonFilter) => Promise<P[]>,
  ) {
    const rows = await read(db, scope.partnershipId, {
      agencyId: query.agencyId,
      q: query.q,
      after: query.after ? decodeCursor(query.after) : null,
      limit: query.limit,
    });
    return toPage(rows, query.limit, (p) => ({ key: p.name, id: p.id }));
  }

  return {
    /** Whole people, a page at a time by name (the API's list). */
    list: (scope: Scope, query: PeopleQuery) => readPage(scope, query, repo.listPeople),

    /** What the table of people shows of each, a page at a time by name. */
    rows: (scope: Scope, query: PeopleQuery) => readPage(scope, query, repo.listPersonRows),

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
