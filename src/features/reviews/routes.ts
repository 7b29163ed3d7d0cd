import type { FastifyInstance } from 'fastify';
import { registerBriefingPages } from './briefings-routes.ts';
import { type ReviewDeps, registerCasePages } from './cases-routes.ts';
import { registerClockPages } from './clocks-routes.ts';
import { registerIncidentsApi } from './incidents-api.ts';
import { registerPracticeReviewPages } from './practice-review-routes.ts';
import { registerRapidReviewPages } from './rapid-review-routes.ts';
import { registerSettingsRoutes } from './settings-routes.ts';

export function registerReviewRoutes(app: FastifyInstance, deps: ReviewDeps) {
  registerSettingsRoutes(app, deps);
  registerCasePages(app, deps);
  registerRapidReviewPages(app, deps);
  registerPracticeReviewPages(app, deps);
  registerBriefingPages(app, deps);
  registerClockPages(app, deps);
  registerIncidentsApi(app, deps);
}
