import type { Queryable } from '../../db/database.ts';

export type FollowUpDue = {
  partnershipId: string;
  id: string;
  number: number;
  title: string;
  followUpOn: string;
  email: string;
};

/**
 * Audits whose follow-up learning session falls from `from` to `to` (inclusive), across every
 * partnership, each with the address to remind: its lead's, or else its agency's contact address.
 */
export function followUpsDueBetween(db: Queryable, from: string, to: string) {
  return db.query<FollowUpDue>(
    `SELECT au.partnership_id AS "partnershipId", au.id, au.number, au.title, au.follow_up_on AS "followUpOn",
            coalesce(p.email, a.contact_email) AS email
       FROM audits au
       JOIN agencies a ON a.partnership_id = au.partnership_id AND a.id = au.agency_id
       LEFT JOIN people p ON p.partnership_id = au.partnership_id AND p.id = au.lead_person_id
      WHERE au.follow_up_on BETWEEN $1::date AND $2::date AND coalesce(p.email, a.contact_email) IS NOT NULL
      ORDER BY au.follow_up_on, au.id
      LIMIT 10000`,
    [from, to],
  );
}
