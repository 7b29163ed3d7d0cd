import type { Database } from '../../db/database.ts';
import { createGroupsService } from './groups-service.ts';
import { createPartnersService } from './partners-service.ts';
import { createPartnershipsService } from './partnerships-service.ts';
import { createPeopleService } from './people-service.ts';
import { createStructureService } from './structure-service.ts';
import { createUsersService } from './users-service.ts';

/** The partnership feature's operations: the only part of it other features may use. */
export function createPartnershipService(db: Database) {
  return {
    partners: createPartnersService(db),
    people: createPeopleService(db),
    groups: createGroupsService(db),
    structure: createStructureService(db),
    users: createUsersService(db),
    partnerships: createPartnershipsService(db),
  };
}

export type PartnershipService = ReturnType<typeof createPartnershipService>;
