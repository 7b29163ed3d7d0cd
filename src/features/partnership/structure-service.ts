import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { Memo } from '../../platform/cache/memo.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { findPartner } from './partners-repo.ts';
import { findPerson } from './people-repo.ts';
import { chairOn, chairRotaProblem, governanceTree, isStatutory } from './rules.ts';
import type { BoardLinkInput, RotaInput } from './schemas.ts';
import * as repo from './structure-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** The chart shows the top of the structure and two levels below it; deeper groups are a link away. */
export const CHART_DEPTH = 2;
/** However wide the structure, the chart shows at most this many groups. */
export const CHART_LIMIT = 100;

const boardOptions = {
  entityType: 'board-link',
  label: 'Board',
  onUnique: () =>
    conflict('This board is already linked', [{ field: 'name', message: 'This board is already linked' }]),
};

/** Structures drawn, kept by partnership, version and day: two views (page and summary) each. */
const KEPT_STRUCTURES = 200;

export function createStructureService(db: Database) {
  const kept = new Memo<object>(KEPT_STRUCTURES);

  /**
   * What `draw` makes for today, kept until the partnership's structure version moves on (any change to
   * what it shows, in any process: the version is read afresh each time), the day changes, or an hour
   * has passed (in case a write bypassed the triggers, as a restore does). Read before the drawing, the
   * version can only be older than what is drawn, never newer. What is kept is shared by every request
   * and must not be changed.
   */
  async function keptToday<T extends object>(
    scope: Scope,
    view: string,
    draw: (today: string) => Promise<T>,
  ) {
    const today = todayInLondon();
    const version = await repo.structureVersion(db, scope.partnershipId);
    const hour = Math.floor(Date.now() / 3_600_000);
    const key = `${scope.partnershipId}|${version}|${today}|${hour}|${view}`;
    return kept.get(key, async () => Object.freeze(await draw(today))) as Promise<Readonly<T>>;
  }

  return {
    /**
     * The governance at a glance: the chart of current groups (CHART_DEPTH levels, CHART_LIMIT groups at
     * most), how many groups there are, the chair rota, partners' leads, other boards.
     */
    overview: (scope: Scope) =>
      keptToday(scope, 'overview', async (today) => {
        const [chart, counts, rota, leads, boards] = await Promise.all([
          repo.governanceChart(db, scope.partnershipId, today, { maxDepth: CHART_DEPTH, limit: CHART_LIMIT }),
          repo.structureSummary(db, scope.partnershipId, today),
          repo.listRota(db, scope.partnershipId),
          repo.listSafeguardingPartners(db, scope.partnershipId),
          repo.listBoardLinks(db, scope.partnershipId),
        ]);
        return {
          today,
          tree: governanceTree(chart),
          chartIsPartial: chart.length < counts.currentGroups,
          currentGroupCount: counts.currentGroups,
          endedGroupCount: counts.endedGroups,
          notStartedGroupCount: counts.notStartedGroups,
          rota,
          currentChair: chairOn(rota, today),
          leads,
          boards,
        };
      }),

    /** Today's executive chair and the number of current and ended groups, without the whole chart. */
    summary: (scope: Scope) =>
      keptToday(scope, 'summary', (today) => repo.structureSummary(db, scope.partnershipId, today)),

    safeguardingPartnersOf: (scope: Scope, agencyId: string) =>
      repo.listSafeguardingPartners(db, scope.partnershipId, agencyId),

    async addSafeguardingPartner(
      ctx: RequestContext,
      agencyId: string,
      input: { personId: string; role: 'lead' | 'delegated' },
    ) {
      try {
        return await db.transaction(async (tx) => {
          const agency = await findPartner(tx, ctx.partnershipId, agencyId);
          if (!agency) throw notFound('Partner');
          if (!isStatutory(agency.kind)) {
            throw invalid([
              {
                field: 'role',
                message: 'Only the three statutory partners have lead and delegated safeguarding partners',
              },
            ]);
          }
          const person = await findPerson(tx, ctx.partnershipId, input.personId);
          if (!person || person.agencyId !== agencyId) {
            throw invalid([{ field: 'personId', message: `Select a person who works for ${agency.name}` }]);
          }
          const id = await repo.insertSafeguardingPartner(tx, ctx.partnershipId, { agencyId, ...input });
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'safeguarding-partner.named',
            entityType: 'partner',
            entityId: agencyId,
            after: { id, personId: input.personId, role: input.role },
          });
          return id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('Already named', [
            {
              field: input.role === 'lead' ? 'role' : 'personId',
              message:
                input.role === 'lead'
                  ? 'This partner already has a lead safeguarding partner: remove them first'
                  : 'This person is already named for this partner',
            },
          ]);
        }
        throw error;
      }
    },

    async removeSafeguardingPartner(ctx: RequestContext, agencyId: string, id: string) {
      return db.transaction(async (tx) => {
        const removed = await repo.deleteSafeguardingPartner(tx, ctx.partnershipId, agencyId, id);
        if (!removed) throw notFound('Safeguarding partner');
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'safeguarding-partner.removed',
          entityType: 'partner',
          entityId: removed.agencyId,
          before: removed,
        });
        return removed;
      });
    },

    rota: (scope: Scope) => repo.listRota(db, scope.partnershipId),

    async addRotaTurn(ctx: RequestContext, input: RotaInput) {
      return db.transaction(async (tx) => {
        // Serialise changes to one partnership's rota so two overlapping turns cannot both pass the check.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rota:${ctx.partnershipId}`]);
        const agency = await findPartner(tx, ctx.partnershipId, input.agencyId);
        if (!agency)
          throw invalid([{ field: 'agencyId', message: 'Select a statutory partner of this partnership' }]);
        const existing = await repo.listRota(tx, ctx.partnershipId);
        const problem = chairRotaProblem({ ...input, agencyKind: agency.kind }, existing);
        if (problem)
          throw invalid([
            { field: problem.includes('overlaps') ? 'startsOn' : 'agencyId', message: problem },
          ]);
        const id = await repo.insertRotaTurn(tx, ctx.partnershipId, input);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'chair-rota.added',
          entityType: 'chair-rota',
          entityId: id,
          after: input,
        });
        return id;
      });
    },

    async removeRotaTurn(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const removed = await repo.deleteRotaTurn(tx, ctx.partnershipId, id);
        if (!removed) throw notFound('Turn as chair');
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'chair-rota.removed',
          entityType: 'chair-rota',
          entityId: id,
          before: removed,
        });
      });
    },

    boardLinks: (scope: Scope) => repo.listBoardLinks(db, scope.partnershipId),

    async boardLink(scope: Scope, id: string) {
      const link = await repo.findBoardLink(db, scope.partnershipId, id);
      if (!link) throw notFound('Board');
      return link;
    },

    createBoardLink: (ctx: RequestContext, input: BoardLinkInput) =>
      createAudited(db, ctx, boardOptions, (tx) => repo.insertBoardLink(tx, ctx.partnershipId, input)),

    updateBoardLink: (ctx: RequestContext, id: string, input: BoardLinkInput) =>
      updateAudited(
        db,
        ctx,
        { ...boardOptions, id },
        (tx) => repo.findBoardLink(tx, ctx.partnershipId, id),
        (tx) => repo.updateBoardLink(tx, ctx.partnershipId, id, input),
      ),
  };
}
