import type { FastifyInstance } from 'fastify';
import { registerCallPages } from './call-routes.ts';
import { registerDashboardPages } from './dashboard-routes.ts';
import { registerDataApi } from './data-api.ts';
import type { DataDeps } from './deps.ts';
import { registerDataExports } from './export-routes.ts';
import { registerIndicatorPages } from './indicator-routes.ts';
import { registerPublishedPages } from './published-routes.ts';
import { registerDataSettingsPages } from './settings-routes.ts';
import { registerSubmissionPages } from './submission-routes.ts';
import { registerViewExports } from './view-export-routes.ts';

export type { DataDeps } from './deps.ts';

/** The multi-agency data dashboard (PRODUCT §6): its pages, exports and /api/v1 endpoints. */
export function registerDataRoutes(app: FastifyInstance, deps: DataDeps) {
  registerDataExports(app, deps);
  registerViewExports(app, deps);
  registerIndicatorPages(app, deps);
  registerDashboardPages(app, deps);
  registerCallPages(app, deps);
  registerSubmissionPages(app, deps);
  registerDataSettingsPages(app, deps);
  registerPublishedPages(app, deps);
  registerDataApi(app, deps);
}
