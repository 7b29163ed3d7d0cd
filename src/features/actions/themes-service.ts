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
      return repo.themeCounts(db, ctx.partnershipId, rest, today, soon);
    },
  };
}
