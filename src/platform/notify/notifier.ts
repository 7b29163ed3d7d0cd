import type { Database } from '../../db/database.ts';
import { todayInLondon } from '../calendar/today.ts';
import { digestMessage } from './digest.ts';
import { findEmail, heldAddresses, heldFor, markEmail, type OutgoingEmail, queueEmail } from './emails.ts';
import { enqueue, type Handler, runDueJobs } from './jobs.ts';
import { createMailer } from './mailer.ts';

/** A reminder a feature wants sent: always with a key, so it goes once. */
export type Reminder = OutgoingEmail & { dedupeKey: string };
/** A feature's reminders due on a day (London), found when the day's reminder job runs. */
export type ReminderSource = (today: string) => Promise<Reminder[]>;

type Log = (line: string, fields?: Record<string, unknown>) => void;

export type Notifier = ReturnType<typeof createNotifier>;

/**
 * E-mail and reminders, from the jobs table, run inside the service. Each day two jobs are made once
 * (by their dedupe keys): reminders at 06:00 London, which asks every feature's source for the day's
 * reminders, and the digest at 07:00, which sends each daily-digest reader one message of what was held.
 */
export function createNotifier(db: Database, options: { smtpUrl?: string; from: string; log: Log }) {
  const mailer = createMailer(options.smtpUrl, options.from, options.log);
  const sources: ReminderSource[] = [];

  const handlers: Record<string, Handler> = {
    async email(job, now) {
      const email = await findEmail(db, String(job.payload.emailId));
      if (email?.status !== 'queued') return; // already sent: never twice
      try {
        const how = await mailer.send({ to: email.toAddress, subject: email.subject, text: email.body });
        await markEmail(db, email.id, how, now);
      } catch (error) {
        // The job retries; after its last attempt the message is marked failed for the admins' page.
        if (job.attempts >= job.maxAttempts) await markEmail(db, email.id, 'failed', now);
        throw error;
      }
    },

    async reminders(_job, now) {
      const today = todayInLondon(now);
      for (const source of sources) {
        const reminders = await source(today);
        await db.transaction(async (tx) => {
          for (const reminder of reminders) await queueEmail(tx, reminder);
        });
      }
    },

    async digest(job, now) {
      const day = String(job.payload.day);
      for (;;) {
        const addresses = await heldAddresses(db, now, 100);
        if (addresses.length === 0) return;
        for (const address of addresses) {
          await db.transaction(async (tx) => {
            const held = await heldFor(tx, address, now);
            if (held.length === 0) return;
            const message = digestMessage(held, day);
            await queueEmail(tx, {
              partnershipId: held[0]?.partnershipId ?? null,
              to: address,
              subject: message.subject,
              body: message.body,
              dedupeKey: `digest:${day}:${address.toLowerCase()}:${held[0]?.id}`,
              immediate: true,
            });
            await tx.query(
              "UPDATE emails SET status = 'in-digest', sent_at = $2 WHERE id = ANY($1::uuid[])",
              [held.map((h) => h.id), now],
            );
          });
        }
      }
    },
  };

  /** Makes today's reminder and digest jobs, once each. */
  async function schedule(now: Date) {
    const day = todayInLondon(now);
    const [times] = await db.query<{ reminders: Date; digest: Date }>(
      `SELECT (($1::date) + time '06:00') AT TIME ZONE 'Europe/London' AS reminders,
              (($1::date) + time '07:00') AT TIME ZONE 'Europe/London' AS digest`,
      [day],
    );
    await db.transaction(async (tx) => {
      await enqueue(tx, {
        kind: 'reminders',
        dedupeKey: `reminders:${day}`,
        runAt: times?.reminders,
        payload: { day },
      });
      await enqueue(tx, {
        kind: 'digest',
        dedupeKey: `digest:${day}`,
        runAt: times?.digest,
        payload: { day },
      });
    });
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  /** Schedules the day's jobs and runs everything due, until nothing is left. */
  async function runDue(now = new Date()): Promise<number> {
    await schedule(now);
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const ran = await runDueJobs(db, handlers, now, options.log);
      total += ran;
      if (ran === 0) break;
    }
    return total;
  }

  return {
    addReminderSource(source: ReminderSource) {
      sources.push(source);
    },
    queueEmail,
    runDue,
    /** Runs due jobs every `intervalMs` in the background until stopped. */
    start(intervalMs = 60_000) {
      const tick = () => {
        if (running) return;
        running = runDue()
          .catch((error: unknown) => {
            options.log('the job runner failed', {
              error: error instanceof Error ? error.message : String(error),
            });
            return 0;
          })
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      mailer.close();
    },
  };
}
