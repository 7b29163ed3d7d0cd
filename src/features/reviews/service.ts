import type { Database } from '../../db/database.ts';
import type { ActionPlanService } from '../actions/service.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { createClocksService } from './clocks-service.ts';
import { createIncidentsService } from './incidents-service.ts';
import { createPracticeReviewService } from './practice-review-service.ts';
import { createSettingsService } from './settings-service.ts';

/** The case reviews feature's operations: the only part of it other features may use. */
export function createReviewService(db: Database, partnership: PartnershipService, plan: ActionPlanService) {
  const practice = createPracticeReviewService(db);
  return {
    incidents: createIncidentsService(db, partnership, practice, plan),
    practice,
    clocks: createClocksService(db),
    settings: createSettingsService(db),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
