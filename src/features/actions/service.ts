import type { Database } from '../../db/database.ts';
import { createActionsService } from './actions-service.ts';
import { createListsService } from './lists-service.ts';
import { createSourcesService } from './sources-service.ts';
import { createThemesService } from './themes-service.ts';

/** The single learning action plan's operations: the only part of it other features may use. */
export function createActionPlanService(db: Database) {
  return {
    actions: createActionsService(db),
    sources: createSourcesService(db),
    lists: createListsService(db),
    themes: createThemesService(db),
  };
}

export type ActionPlanService = ReturnType<typeof createActionPlanService>;

export { planReminders } from './reminders.ts';
/** The names of the actions' statuses, for other features' pages that list actions. */
export { ACTION_STATUS_LABELS } from './rules.ts';
