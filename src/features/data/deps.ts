import type { PageRenderer } from '../../platform/views/page.ts';
import type { ActionPlanService } from '../actions/service.ts';
import type { PartnershipService } from '../partnership/service.ts';
import type { DataService } from './service.ts';

/** What the dashboard's routes are given. */
export type DataDeps = {
  page: PageRenderer;
  partnership: PartnershipService;
  plan: ActionPlanService;
  data: DataService;
};
