-- Background work and e-mail (ARCHITECTURE: jobs in the same database, claimed with SKIP LOCKED).
-- A job with a dedupe key is made once: a reminder is never queued, so never sent, twice.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partnership_id uuid REFERENCES partnerships(id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  dedupe_key text UNIQUE,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  finished_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE finished_at IS NULL AND failed_at IS NULL;
-- statement
-- Every message the service sends or would send: kept for the business unit to see, whether SMTP
-- delivered it, or (without SMTP_URL) it was only written to the log.
CREATE TABLE emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid REFERENCES partnerships(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  -- queued: a job will send it; held: waiting for the recipient's daily digest; then sent, logged
  -- (no SMTP configured), in-digest (sent inside a digest), or failed.
  status text NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'logged', 'in-digest', 'failed')),
  -- What the message is about, e.g. 'action-overdue:<id>:<address>': the same reminder is kept once.
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
-- statement
CREATE INDEX emails_partnership_created ON emails (partnership_id, created_at DESC, id);
-- statement
CREATE INDEX emails_held ON emails (to_address, created_at) WHERE status = 'held';
-- statement
ALTER TABLE users ADD COLUMN email_frequency text NOT NULL DEFAULT 'immediate'
  CHECK (email_frequency IN ('immediate', 'daily'));
-- statement
-- Reminders look across every partnership by date.
CREATE INDEX meeting_actions_due_open ON meeting_actions (due_on) WHERE status IN ('open', 'in-progress');
-- statement
CREATE INDEX meetings_papers_due ON meetings (papers_due_on) WHERE papers_due_on IS NOT NULL AND status = 'scheduled';
-- statement
CREATE INDEX escalations_unanswered ON escalations (raised_on) WHERE status IN ('open', 'considered');
