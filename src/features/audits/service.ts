import type { Database } from '../../db/database.ts';
import type { ActionPlanService } from '../actions/service.ts';
import { createProgrammeService } from './audits-service.ts';
import { createRecordsService } from './records-service.ts';

/** The audit programme's operations: the only part of it other features may use. */
export function createAuditService(db: Database, plan: ActionPlanService) {
  return {
    programme: createProgrammeService(db, plan),
    records: createRecordsService(db, plan),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export { auditReminders } from './reminders.ts';
