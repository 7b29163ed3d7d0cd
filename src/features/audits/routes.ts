import type { FastifyInstance } from 'fastify';
import { registerAuditPage } from './audit-routes.ts';
import { registerAuditsApi } from './audits-api.ts';
import { type AuditDeps, registerProgrammePages } from './programme-routes.ts';
import { registerAuditSettingsPages } from './settings-routes.ts';

export type { AuditDeps } from './programme-routes.ts';

/** The audit programme (PRODUCT §5): its pages and its /api/v1 endpoints. */
export function registerAuditRoutes(app: FastifyInstance, deps: AuditDeps) {
  registerAuditSettingsPages(app, deps);
  registerProgrammePages(app, deps);
  registerAuditPage(app, deps);
  registerAuditsApi(app, deps);
}
