import type { Database, Queryable } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, pageByName, toPage } from '../../platform/http/pagination.ts';
import * as repo from './groups-repo.ts';
import { findPerson, listPeople } from './people-repo.ts';
import { type GroupType, groupStatus, wouldLoop } from './rules.ts';
import type { GroupInput, GroupPatch } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const CANDIDATES = 20;
/** Members shown a page at a time on the group page. */
const MEMBERS_PAGE = 50;

const options = {
  entityType: 'group',
  label: 'Group',
  onUnique: () =>
    conflict('A group with this name already exists', [
      { field: 'name', message: 'A group with this name already exists in this partnership' },
    ]),
};

/** References to people and groups must be this partnership's, and reporting lines must not loop. */
async function checkReferences(
  tx: Queryable,
  partnershipId: string,
  groupId: string | null,
  input: GroupPatch,
) {
  const errors: FieldError[] = [];
  for (const [field, label] of [
    ['chairPersonId', 'chair'],
    ['sponsorPersonId', 'executive sponsor'],
  ] as const) {
    const id = input[field];
    if (id && !(await findPerson(tx, partnershipId, id))) {
      errors.push({ field, message: `Select the ${label} from the people of this partnership` });
    }
  }
  if (input.reportsToGroupId) {
    const outline = await repo.groupOutline(tx, partnershipId);
    if (!outline.some((g) => g.id === input.reportsToGroupId)) {
      errors.push({ field: 'reportsToGroupId', message: 'Select a group of this partnership' });
    } else if (groupId && wouldLoop(outline, groupId, input.reportsToGroupId)) {
      errors.push({
        field: 'reportsToGroupId',
        message: 'A group cannot report to itself or to a group that reports to it',
      });
    }
  }
  if (errors.length > 0) throw invalid(errors);
}

type GroupsQuery = {
  type?: GroupType;
  q?: string;
  status?: 'current' | 'ended' | 'not-started';
  reportsTo?: string;
  after?: string;
  limit: number;
};

export function createGroupsService(db: Database) {
  /** A page of groups read by `read` (whole or as the table's rows), each with its status today. */
  async function readPage<G extends repo.GroupRow>(
    scope: Scope,
    query: GroupsQuery,
    read: (db: Database, partnershipId: string, filter: repo.GroupFilter) => Promise<G[]>,
  ) {
    const today = todayInLondon();
    const page = await pageByName(query, (filter) =>
      read(db, scope.partnershipId, { ...filter, reportsToGroupId: query.reportsTo, today }),
    );
    return { ...page, items: page.items.map((g) => ({ ...g, status: groupStatus(g, today) })) };
  }

  return {
    /** Whole groups, a page at a time by name (the API's list). */
    list: (scope: Scope, query: GroupsQuery) => readPage(scope, query, repo.listGroups),

    /** What the table of groups shows of each, a page at a time by name. */
    rows: (scope: Scope, query: GroupsQuery) => readPage(scope, query, repo.listGroupRows),

    outline: (scope: Scope) => repo.groupOutline(db, scope.partnershipId),

    /** Ids and names only: for filters and choices. */
    choices: (scope: Scope) => repo.groupChoices(db, scope.partnershipId),

    async get(scope: Scope, id: string) {
      const group = await repo.findGroup(db, scope.partnershipId, id);
      if (!group) throw notFound('Group');
      return { ...group, status: groupStatus(group, todayInLondon()) };
    },

    members: (scope: Scope, groupId: string) => repo.listMembers(db, scope.partnershipId, groupId),

    async member(scope: Scope, groupId: string, personId: string) {
      const member = await repo.findMember(db, scope.partnershipId, groupId, personId);
      if (!member) throw notFound('Member');
      return member;
    },

    /** The group page's members, a page at a time by name. */
    async membersPage(scope: Scope, groupId: string, after: string | undefined) {
      const page = { after: after ? decodeCursor(after) : null, limit: MEMBERS_PAGE };
      const rows = await repo.listMembersPage(db, scope.partnershipId, groupId, page);
      return toPage(rows, MEMBERS_PAGE, (m) => ({ key: m.name, id: m.personId }));
    },

    /** People whose name or job title contains the text and who are not yet members: the first 20. */
    async candidates(scope: Scope, groupId: string, q: string) {
      const rows = await listPeople(db, scope.partnershipId, {
        q,
        notInGroupId: groupId,
        after: null,
        limit: CANDIDATES,
      });
      return { items: rows.slice(0, CANDIDATES), more: rows.length > CANDIDATES };
    },

    create: (ctx: RequestContext, input: GroupInput) =>
      createAudited(db, ctx, options, async (tx) => {
        await checkReferences(tx, ctx.partnershipId, null, input);
        return repo.insertGroup(tx, ctx.partnershipId, input);
      }),

    update: (ctx: RequestContext, id: string, patch: GroupPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findGroup(tx, ctx.partnershipId, id),
        async (tx, before) => {
          await checkReferences(tx, ctx.partnershipId, id, patch);
          const startsOn = patch.startsOn ?? before.startsOn;
          const endsOn = 'endsOn' in patch ? patch.endsOn : before.endsOn;
          if (endsOn && endsOn < startsOn) {
            throw invalid([
              { field: 'endsOn', message: 'The end date must be the same as or after the start date' },
            ]);
          }
          return repo.updateGroup(tx, ctx.partnershipId, id, patch);
        },
      ),

    async addMember(ctx: RequestContext, groupId: string, personId: string) {
      return db.transaction(async (tx) => {
        if (!(await repo.findGroup(tx, ctx.partnershipId, groupId))) throw notFound('Group');
        if (!(await findPerson(tx, ctx.partnershipId, personId))) {
          throw invalid([{ field: 'personId', message: 'Select a person of this partnership' }]);
        }
        const added = await repo.addMember(tx, ctx.partnershipId, groupId, personId);
        if (added) {
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'group.member-added',
            entityType: 'group',
            entityId: groupId,
            after: { personId },
          });
        }
        return added;
      });
    },

    async removeMember(ctx: RequestContext, groupId: string, personId: string) {
      return db.transaction(async (tx) => {
        const removed = await repo.removeMember(tx, ctx.partnershipId, groupId, personId);
        if (!removed) throw notFound('Member');
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'group.member-removed',
          entityType: 'group',
          entityId: groupId,
          before: { personId },
        });
      });
    },
  };
}
