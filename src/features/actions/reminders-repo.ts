import type { Queryable } from '../../db/database.ts';

export type ActionDue = {
  partnershipId: string;
  id: string;
  number: number;
  text: string;
  dueOn: string;
  email: string;
};

/**
 * Open actions of the plan due from `from` to `to` (inclusive), across every partnership, each with
 * the address to remind: its owner's, or else its owning agency's contact address.
 */
export function openActionsDueBetween(db: Queryable, from: string, to: string) {
  return db.query<ActionDue>(
    `SELECT x.partnership_id AS "partnershipId", x.id, x.number, x.text, x.due_on AS "dueOn",
            coalesce(p.email, a.contact_email) AS email
       FROM plan_actions x
       JOIN agencies a ON a.partnership_id = x.partnership_id AND a.id = x.owner_agency_id
       LEFT JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.owner_person_id
      WHERE x.status IN ('proposed', 'agreed', 'in-progress') AND x.due_on BETWEEN $1::date AND $2::date
        AND coalesce(p.email, a.contact_email) IS NOT NULL
      ORDER BY x.due_on, x.id
      LIMIT 10000`,
    [from, to],
  );
}
