-- Statutory case reviews (PRODUCT §3): a serious incident under a pseudonym, its rapid review and the
-- executive's decision, the agencies and people involved, the team with need-to-know access, and the
-- clocks. No column holds a child's name, date of birth or address: a pseudonym and an age band only.
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  number integer NOT NULL,
  kind text NOT NULL DEFAULT 'incident' CHECK (kind IN ('incident', 'legacy-scr')),
  pseudonym text NOT NULL,
  aware_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('died', 'seriously-harmed')),
  harm_category text NOT NULL CHECK (harm_category IN ('neglect', 'physical-abuse', 'sexual-abuse',
    'emotional-abuse', 'exploitation', 'other')),
  age_band text NOT NULL CHECK (age_band IN ('under-1', '1-4', '5-9', '10-15', '16-17', '18-24')),
  summary text NOT NULL DEFAULT '',
  notified_panel_on date,
  -- The rapid review: when the panel met, what it learnt, what it recommends and why; when the
  -- review went to the national panel; then the executive's decision.
  panel_met_on date,
  immediate_learning text NOT NULL DEFAULT '',
  recommendation text CHECK (recommendation IN ('no-further-review', 'lcspr', 'national-panel')),
  recommendation_reasons text NOT NULL DEFAULT '',
  rapid_review_sent_on date,
  decision text CHECK (decision IN ('no-further-review', 'lcspr', 'national-panel')),
  decided_on date,
  decision_reasons text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, number),
  CHECK ((decision IS NULL) = (decided_on IS NULL))
);
-- statement
CREATE INDEX incidents_aware ON incidents (partnership_id, aware_on DESC, id DESC);
-- statement
CREATE TABLE incident_agencies (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  PRIMARY KEY (incident_id, agency_id),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE TABLE incident_people (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (incident_id, person_id),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id)
);
-- statement
-- Need-to-know: the panel's members for the case, its reviewers and its author see it. An
-- executive's override of the independence rule is kept with its reason.
CREATE TABLE case_team (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  user_id uuid NOT NULL,
  capacity text NOT NULL CHECK (capacity IN ('panel', 'reviewer', 'author')),
  override_reason text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, user_id, capacity),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, user_id) REFERENCES users (partnership_id, id)
);
-- statement
CREATE INDEX case_team_user ON case_team (partnership_id, user_id, incident_id);
-- statement
-- Immediate learning's actions, kept on the case until the single learning action plan takes them.
CREATE TABLE incident_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  text text NOT NULL,
  owner_agency_id uuid NOT NULL,
  due_on date,
  -- clock_timestamp(), not now(): rows added in one transaction keep the order they were added in.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, owner_agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE INDEX incident_actions_incident ON incident_actions (incident_id, created_at);
-- statement
CREATE TABLE clock_waivers (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  clock text NOT NULL,
  reason text NOT NULL,
  waived_by uuid REFERENCES users(id),
  waived_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, clock),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
-- Each running clock's due and met dates, written with every change to its case (by the rules in
-- features/reviews/clocks.ts), so the overview of open clocks is one indexed query.
CREATE TABLE case_clocks (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  clock text NOT NULL,
  due_on date NOT NULL,
  met_on date,
  PRIMARY KEY (incident_id, clock),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX case_clocks_open ON case_clocks (partnership_id, due_on, incident_id, clock) WHERE met_on IS NULL;
-- statement
-- A case's next clock, for the list of cases.
CREATE INDEX case_clocks_case_open ON case_clocks (incident_id, due_on, clock) WHERE met_on IS NULL;
