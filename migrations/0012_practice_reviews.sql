-- The practice review that follows an executive's decision (an LCSPR, or a legacy SCR): its
-- methods, terms of reference, family engagement, report files, publication, themes and
-- recommendations with the partnership's response; then the learning products: learning events
-- with attendance, and the 7-minute briefing for practitioners and the public.
CREATE TABLE practice_reviews (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  methods text[] NOT NULL DEFAULT '{}',
  terms_of_reference text NOT NULL DEFAULT '',
  family_engagement text NOT NULL DEFAULT '',
  themes text[] NOT NULL DEFAULT '{}',
  planned_publication_on date,
  completed_on date,
  sent_to_panel_on date,
  published_on date,
  improvements_published_on date,
  improvements_summary text NOT NULL DEFAULT '',
  not_published_reasons text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  CHECK (methods <@ ARRAY['single-agency-audit', 'multi-agency-audit', 'partner-led-workshop',
    'independent-reviewer-workshop', 'partner-authored-report', 'independent-reviewer-report',
    'independent-scrutineer-report', 'strategy-manager-report', 'family-engagement',
    'young-people-workshop', 'young-people-outreach']::text[])
);
-- statement
CREATE TABLE review_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  theme text NOT NULL,
  recommendation text NOT NULL DEFAULT '',
  response text NOT NULL DEFAULT '',
  -- clock_timestamp(), not now(): rows added in one transaction keep the order they were added in.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX review_recommendations_incident ON review_recommendations (incident_id, created_at);
-- statement
CREATE TABLE review_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('draft', 'final')),
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX review_documents_incident ON review_documents (incident_id, uploaded_at);
-- statement
CREATE TABLE learning_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('learning-session', 'follow-up-workshop', 'reflection-session')),
  held_on date NOT NULL,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX learning_events_incident ON learning_events (incident_id, held_on);
-- statement
CREATE TABLE learning_event_attendance (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  event_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (event_id, person_id),
  FOREIGN KEY (partnership_id, event_id) REFERENCES learning_events (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id)
);
-- statement
-- The 7-minute briefing: published learning, kept apart from case material. Once published it is
-- shown to practitioners and on the public pages, with the case's pseudonym and nothing else of it.
CREATE TABLE briefings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  incident_id uuid NOT NULL UNIQUE,
  title text NOT NULL,
  case_in_brief text NOT NULL,
  what_we_learnt text NOT NULL,
  do_differently text NOT NULL,
  questions text NOT NULL,
  published_on date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX briefings_published ON briefings (partnership_id, published_on DESC, id DESC) WHERE published_on IS NOT NULL;
