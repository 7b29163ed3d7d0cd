import type { FastifyInstance } from 'fastify';
import type { PageRenderer } from '../../platform/views/page.ts';
import type { PageSection } from '../../platform/views/sections.ts';
import { type GroupSubject, registerGroupRoutes } from './groups-routes.ts';
import { registerPartnerRoutes } from './partners-routes.ts';
import { registerPartnershipsRoutes } from './partnerships-routes.ts';
import { registerPeopleRoutes } from './people-routes.ts';
import type { PartnershipService } from './service.ts';
import { registerStructureRoutes } from './structure-routes.ts';
import { registerUserRoutes } from './users-routes.ts';

export function registerPartnershipRoutes(
  app: FastifyInstance,
  deps: { page: PageRenderer; partnership: PartnershipService; groupSections?: PageSection<GroupSubject>[] },
) {
  registerStructureRoutes(app, deps);
  registerPartnerRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerPartnershipsRoutes(app, deps);
}
