import type { Database } from '../../db/database.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { invalid } from '../../platform/http/errors.ts';
import { allPages, decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { auditCase, auditCaseView } from './case-access.ts';
import { type ClockKey, dueSoonLimit, dueStatus } from './clocks.ts';
import * as repo from './incidents-repo.ts';
import { seesEveryCase } from './rules.ts';

/** The open clocks across the cases a user may see: the overview, its export, and the home page's counts. */
export function createClocksService(db: Database) {
  return {
    /** How many of the clocks this user may see are overdue or due soon: counts, no case material. */
    clockCounts(ctx: RequestContext) {
      const today = todayInLondon();
      return repo.countOpenClocks(db, ctx.partnershipId, {
        teamUserId: seesEveryCase(ctx.user.role) ? null : ctx.user.id,
        today,
        soonLimit: dueSoonLimit(today),
      });
    },

    /**
     * Every open clock this user may see, as rows for an export: audited as one view, then read a
     * page at a time.
     */
    async exportClocks(
      ctx: RequestContext,
      query: { reference?: number; clock?: ClockKey; status?: 'overdue' | 'due-soon' | 'due' },
    ) {
      const today = todayInLondon();
      const soon = dueSoonLimit(today);
      await db.transaction((tx) => auditCase(tx, ctx, 'clocks.exported', null, { after: { query } }));
      const filter = {
        teamUserId: seesEveryCase(ctx.user.role) ? null : ctx.user.id,
        incidentNumber: query.reference,
        clock: query.clock,
        ...dueRange(query.status, today, soon),
      };
      const rows = allPages(
        (after: repo.OpenClock | null) =>
          repo.listOpenClocks(db, ctx.partnershipId, { ...filter, after, limit: EXPORT_PAGE }),
        EXPORT_PAGE,
      );
      return (async function* () {
        for await (const c of rows)
          yield { ...c, reference: `SI-${c.number}`, status: dueStatus(c.dueOn, today, soon) };
      })();
    },

    /** Every open clock this user may see, soonest first; the view is audited. */
    async openClocks(
      ctx: RequestContext,
      query: {
        reference?: number;
        clock?: ClockKey;
        status?: 'overdue' | 'due-soon' | 'due';
        after?: string;
        limit: number;
      },
    ) {
      const today = todayInLondon();
      const soon = dueSoonLimit(today);
      const range = dueRange(query.status, today, soon);
      const cursor = query.after ? decodeCursor(query.after) : null;
      const [dueOn, clock] = cursor ? cursor.key.split('/') : [];
      if (cursor && !(dueOn && clock))
        throw invalid([{ field: 'after', message: 'after is not a cursor we issued' }]);
      const rows = await repo.listOpenClocks(db, ctx.partnershipId, {
        teamUserId: seesEveryCase(ctx.user.role) ? null : ctx.user.id,
        incidentNumber: query.reference,
        clock: query.clock,
        ...range,
        after: cursor && dueOn && clock ? { dueOn, clock, incidentId: cursor.id } : null,
        limit: query.limit,
      });
      const page = toPage(rows, query.limit, (r) => ({ key: `${r.dueOn}/${r.clock}`, id: r.incidentId }));
      await auditCaseView(db, ctx, 'clocks.listed', null, {
        after: {
          query: { ...query, after: undefined },
          shown: [...new Set(page.items.map((c) => c.number))],
        },
      });
      return {
        ...page,
        items: page.items.map((c) => ({
          ...c,
          reference: `SI-${c.number}`,
          status: dueStatus(c.dueOn, today, soon),
        })),
      };
    },
  };
}

const EXPORT_PAGE = 500;

/** The due dates of a clock state on a day, for the SQL filter. */
function dueRange(status: 'overdue' | 'due-soon' | 'due' | undefined, today: string, soon: string) {
  if (status === 'overdue') return { dueBy: addDays(today, -1) };
  if (status === 'due-soon') return { dueFrom: today, dueBy: soon };
  if (status === 'due') return { dueFrom: addDays(soon, 1) };
  return {};
}
