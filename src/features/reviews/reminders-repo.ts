import type { Queryable } from '../../db/database.ts';
import type { ClockKey } from './clocks.ts';

export type ClockDue = {
  partnershipId: string;
  incidentId: string;
  number: number;
  pseudonym: string;
  clock: ClockKey;
  dueOn: string;
  email: string;
};

/**
 * Clocks not yet met, due from one date to another (inclusive), across every partnership, with each
 * business-unit address of the clock's partnership.
 */
export function openClocksDueBetween(db: Queryable, from: string, to: string) {
  return db.query<ClockDue>(
    `SELECT c.partnership_id AS "partnershipId", c.incident_id AS "incidentId", i.number, i.pseudonym, c.clock,
            c.due_on AS "dueOn", u.email
       FROM case_clocks c
       JOIN incidents i ON i.partnership_id = c.partnership_id AND i.id = c.incident_id
       JOIN users u ON u.partnership_id = c.partnership_id AND u.role = 'admin' AND u.is_active
      WHERE c.met_on IS NULL AND c.due_on BETWEEN $1::date AND $2::date
      ORDER BY c.due_on, c.incident_id, c.clock
      LIMIT 10000`,
    [from, to],
  );
}
