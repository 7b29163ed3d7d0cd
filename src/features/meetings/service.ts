import type { Database } from '../../db/database.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { createActionsService } from './actions-service.ts';
import { createEscalationsService } from './escalations-service.ts';
import { createKeyPointsService } from './key-points-service.ts';
import { createMeetingsService } from './meetings-service.ts';
import { createPapersService } from './papers-service.ts';
import { createRisksService } from './risks-service.ts';

/** The meetings feature's operations: the only part of it other features may use. */
export function createMeetingService(
  db: Database,
  partnership: PartnershipService,
  siteUrl = 'http://localhost:3000',
) {
  return {
    meetings: createMeetingsService(db, partnership),
    actions: createActionsService(db),
    escalations: createEscalationsService(db, partnership),
    risks: createRisksService(db, partnership),
    keyPoints: createKeyPointsService(db, partnership, siteUrl),
    papers: createPapersService(db),
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
