import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../http/pagination.ts';
import { enqueue } from './jobs.ts';

export type EmailStatus = 'queued' | 'held' | 'sent' | 'logged' | 'in-digest' | 'failed';
export type Email = {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  status: EmailStatus;
  createdAt: Date;
  sentAt: Date | null;
};

export type OutgoingEmail = {
  partnershipId: string | null;
  to: string;
  subject: string;
  body: string;
  /** What the message is about; the same key is kept (and sent) once. */
  dedupeKey?: string;
  /** Send now even to someone who chose a daily digest (the digest itself). */
  immediate?: boolean;
};

/**
 * Queues a message in the caller's transaction. A recipient who chose a daily digest has it held for
 * the digest; anyone else gets it from an 'email' job straight away. False when the key was used.
 */
export async function queueEmail(tx: Queryable, email: OutgoingEmail): Promise<boolean> {
  const [daily] = email.immediate
    ? []
    : await tx.query<{ daily: boolean }>(
        `SELECT true AS daily FROM users
          WHERE lower(email) = lower($1) AND is_active AND email_frequency = 'daily' LIMIT 1`,
        [email.to],
      );
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO emails (partnership_id, to_address, subject, body, status, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      email.partnershipId,
      email.to,
      email.subject,
      email.body,
      daily ? 'held' : 'queued',
      email.dedupeKey ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) return false;
  if (!daily)
    await enqueue(tx, { kind: 'email', partnershipId: email.partnershipId, payload: { emailId: id } });
  return true;
}

export async function findEmail(db: Queryable, id: string) {
  const rows = await db.query<Email & { partnershipId: string | null }>(
    `SELECT id, partnership_id AS "partnershipId", to_address AS "toAddress", subject, body, status,
            created_at AS "createdAt", sent_at AS "sentAt" FROM emails WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function markEmail(db: Queryable, id: string, status: EmailStatus, at: Date) {
  await db.query('UPDATE emails SET status = $2, sent_at = $3 WHERE id = $1', [id, status, at]);
}

/** A partnership's messages, newest first, a page at a time. */
export async function listEmails(
  db: Queryable,
  partnershipId: string,
  filter: { after: Cursor | null; limit: number },
) {
  const where = new Conditions().add('partnership_id = ?', partnershipId);
  if (filter.after)
    where.add('(created_at, id) < (?::timestamptz, ?::uuid)', filter.after.key, filter.after.id);
  const limit = where.limit(filter.limit + 1);
  return db.query<Email>(
    `SELECT id, to_address AS "toAddress", subject, body, status, created_at AS "createdAt", sent_at AS "sentAt"
       FROM emails ${where.sql} ORDER BY created_at DESC, id DESC ${limit}`,
    where.params,
  );
}

/** Addresses with messages held for a digest made before `now`, a batch at a time. */
export async function heldAddresses(db: Queryable, now: Date, limit: number) {
  const rows = await db.query<{ address: string }>(
    `SELECT DISTINCT to_address AS address FROM emails WHERE status = 'held' AND created_at <= $1 ORDER BY 1 LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.address);
}

export async function heldFor(db: Queryable, address: string, now: Date) {
  return db.query<Email & { partnershipId: string | null }>(
    `SELECT id, partnership_id AS "partnershipId", to_address AS "toAddress", subject, body, status,
            created_at AS "createdAt", sent_at AS "sentAt"
       FROM emails WHERE status = 'held' AND to_address = $1 AND created_at <= $2
      ORDER BY created_at, id LIMIT 500 FOR UPDATE`,
    [address, now],
  );
}
