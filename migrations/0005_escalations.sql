-- The escalation tracker (PRODUCT §2): issues a group or partner raises to the executive, the
-- executive's response and decision, and every change of status, dated.
CREATE TABLE escalations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  -- ESC-1, ESC-2 … within the partnership: how partners refer to one in papers.
  number integer NOT NULL,
  title text NOT NULL,
  issue text NOT NULL,
  ask text NOT NULL,
  raised_by_group_id uuid,
  raised_by_person_id uuid,
  raised_by_agency_id uuid NOT NULL,
  raised_at_meeting_id uuid,
  raised_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'considered', 'responded', 'closed')),
  response text NOT NULL DEFAULT '',
  decision text NOT NULL DEFAULT '',
  considered_on date,
  responded_on date,
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, number),
  FOREIGN KEY (partnership_id, raised_by_group_id) REFERENCES groups (partnership_id, id),
  FOREIGN KEY (partnership_id, raised_by_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, raised_by_agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, raised_at_meeting_id) REFERENCES meetings (partnership_id, id),
  CHECK (responded_on IS NULL OR responded_on >= raised_on),
  CHECK (closed_on IS NULL OR closed_on >= raised_on)
);
-- statement
CREATE INDEX escalations_raised ON escalations (partnership_id, raised_on DESC, id DESC);
-- statement
CREATE INDEX escalations_status_raised ON escalations (partnership_id, status, raised_on DESC, id DESC);
-- statement
CREATE INDEX escalations_group ON escalations (partnership_id, raised_by_group_id, raised_on DESC);
-- statement
CREATE INDEX escalations_agency ON escalations (partnership_id, raised_by_agency_id, raised_on DESC);
-- statement
CREATE INDEX escalations_meeting ON escalations (raised_at_meeting_id) WHERE raised_at_meeting_id IS NOT NULL;
-- statement
-- For meeting packs: what was open on a date, and what was answered between two dates.
CREATE INDEX escalations_responded ON escalations (partnership_id, responded_on) WHERE responded_on IS NOT NULL;
-- statement
CREATE TABLE escalation_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  escalation_id uuid NOT NULL,
  on_date date NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text NOT NULL DEFAULT '',
  actor_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (partnership_id, escalation_id) REFERENCES escalations (partnership_id, id)
);
-- statement
CREATE INDEX escalation_events_escalation ON escalation_events (escalation_id, id);
