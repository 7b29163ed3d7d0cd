import type { Database } from '../../db/database.ts';
import type { MeetingService } from '../meetings/service.ts';
import { createCallsService } from './calls-service.ts';
import { createDashboardService } from './dashboard-service.ts';
import { createIndicatorsService } from './indicators-service.ts';
import { createDataSettingsService } from './settings-service.ts';

/** The data dashboard's operations: the only part of it other features may use. */
export function createDataService(db: Database, meetings: MeetingService) {
  return {
    indicators: createIndicatorsService(db),
    calls: createCallsService(db),
    dashboard: createDashboardService(db, meetings),
    settings: createDataSettingsService(db),
  };
}

export type DataService = ReturnType<typeof createDataService>;
