import type { FastifyInstance } from 'fastify';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { registerActionPages } from './action-routes.ts';
import { registerCalendarRoutes } from './calendar-routes.ts';
import { registerEscalationsApi } from './escalations-api.ts';
import { registerEscalationPages } from './escalations-routes.ts';
import { registerKeyPointsRoutes } from './key-points-routes.ts';
import { registerMeetingPage } from './meeting-page-routes.ts';
import { registerMeetingsApi } from './meetings-api.ts';
import { registerMeetingPages } from './meetings-routes.ts';
import { registerPackRoutes } from './pack-routes.ts';
import { registerRisksApi } from './risks-api.ts';
import { registerRiskPages } from './risks-routes.ts';
import type { MeetingService } from './service.ts';

export { groupMeetingsSection } from './meetings-routes.ts';

export function registerMeetingRoutes(
  app: FastifyInstance,
  deps: { page: PageRenderer; partnership: PartnershipService; meetings: MeetingService },
) {
  registerMeetingPages(app, deps);
  registerMeetingPage(app, deps);
  registerActionPages(app, deps);
  registerCalendarRoutes(app, deps);
  registerPackRoutes(app, deps);
  registerMeetingsApi(app, deps);
  registerEscalationPages(app, deps);
  registerEscalationsApi(app, deps);
  registerRiskPages(app, deps);
  registerRisksApi(app, deps);
  registerKeyPointsRoutes(app, deps);
}
