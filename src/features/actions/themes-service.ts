import type { Database } from '../../db/database.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { seesWholePlan } from './rules.ts';
import type { PlanFilter } from './schemas.ts';
import * as repo from './themes-repo.ts';

/** Themes at a glance: the QA and Performance group's and the executive's view across every source. */
export function createThemesService(db: Database) {
  return {
    async summary(ctx: RequestContext, filter: PlanFilter) {
      if (!seesWholePlan(ctx.user.role)) throw forbidden();
      const { themeId: _ignored, ...rest } = filter;
      const today = todayInLondon();
      const soon = addDays(today, 28);
      // The answer is kept per filter and day, and is good until the plan changes (see 0014's triggers).
      const key = JSON.stringify(
        Object.entries(rest)
          .filter(([, v]) => v !== undefined && v !== '')
          .sort(),
      );
      const cached = await repo.cachedSummary(db, ctx.partnershipId, key, today);
      if (cached) return cached;
      const { summary, version } = await repo.themeCounts(db, ctx.partnershipId, rest, today, soon);
      await repo.saveSummary(db, ctx.partnershipId, { key, day: today, version, body: summary });
      return summary;
    },
  };
}
