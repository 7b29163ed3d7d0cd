import type { FastifyInstance } from 'fastify';
import { registerActionPages } from './action-routes.ts';
import { registerActionsApi } from './actions-api.ts';
import { registerPlanExports } from './plan-export-routes.ts';
import { type PlanDeps, registerPlanPages } from './plan-routes.ts';
import { registerPlanSettingsPages } from './settings-routes.ts';
import { registerSourcePages } from './sources-routes.ts';
import { registerThemePages } from './themes-routes.ts';

export function registerActionPlanRoutes(app: FastifyInstance, deps: PlanDeps) {
  registerPlanPages(app, deps);
  registerPlanExports(app, deps);
  registerThemePages(app, deps);
  registerSourcePages(app, deps);
  registerPlanSettingsPages(app, deps);
  registerActionPages(app, deps);
  registerActionsApi(app, deps);
}
