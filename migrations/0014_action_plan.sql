-- The single learning action plan (PRODUCT §4) and the audit programme (§5). Every action, whatever
-- it answers, is one row of plan_actions; what it answers are its sources.

-- The managed list of themes actions and audits are tagged with.
CREATE TABLE plan_themes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id)
);
-- statement
CREATE UNIQUE INDEX plan_themes_name ON plan_themes (partnership_id, lower(name));
-- statement
-- The partnership's priorities an action may serve (the priorities module will say more of them).
CREATE TABLE priorities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id)
);
-- statement
CREATE UNIQUE INDEX priorities_name ON priorities (partnership_id, lower(name));
-- statement
-- Per-partnership settings of the plan and the audit programme; no row means the defaults.
CREATE TABLE plan_settings (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  audit_follow_up_months integer NOT NULL CHECK (audit_follow_up_months BETWEEN 1 AND 24),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE TABLE audits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  number integer NOT NULL,
  type text NOT NULL CHECK (type IN ('multi-agency', 'themed', 'single-agency', 'section-11', 'section-175')),
  title text NOT NULL,
  theme_id uuid,
  -- The first day of the financial quarter (April to June is Q1) the audit is planned in.
  quarter_starts_on date NOT NULL CHECK (extract(day FROM quarter_starts_on) = 1
    AND extract(month FROM quarter_starts_on) IN (1, 4, 7, 10)),
  agency_id uuid NOT NULL,
  lead_person_id uuid,
  status text NOT NULL CHECK (status IN ('planned', 'in-progress', 'completed')),
  workshop_on date,
  follow_up_on date,
  good_practice text NOT NULL DEFAULT '',
  submitted_on date,
  reviewed_on date,
  review_comments text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, number),
  FOREIGN KEY (partnership_id, theme_id) REFERENCES plan_themes (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, lead_person_id) REFERENCES people (partnership_id, id)
);
-- statement
CREATE INDEX audits_programme ON audits (partnership_id, quarter_starts_on, number);
-- statement
CREATE INDEX audits_follow_up ON audits (follow_up_on) WHERE follow_up_on IS NOT NULL;
-- statement
CREATE TABLE audit_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  audit_id uuid NOT NULL,
  pseudonym text NOT NULL,
  agency_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, audit_id) REFERENCES audits (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX audit_cases_audit ON audit_cases (audit_id, created_at);
-- statement
CREATE TABLE audit_grades (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  audit_id uuid NOT NULL,
  area text NOT NULL,
  grade text NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
  PRIMARY KEY (audit_id, area),
  FOREIGN KEY (partnership_id, audit_id) REFERENCES audits (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE TABLE audit_findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  audit_id uuid NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, audit_id) REFERENCES audits (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX audit_findings_audit ON audit_findings (audit_id, created_at);
-- statement
-- What actions answer: a rapid review or practice review of a case, an audit, a scrutiny report, a
-- national review. Reviews and audits make their own source; the others are added by hand.
CREATE TABLE plan_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  kind text NOT NULL CHECK (kind IN ('rapid-review', 'practice-review', 'audit', 'scrutiny', 'national-review', 'other')),
  title text NOT NULL,
  reference text NOT NULL DEFAULT '',
  dated_on date NOT NULL,
  incident_id uuid,
  audit_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, incident_id) REFERENCES incidents (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, audit_id) REFERENCES audits (partnership_id, id) ON DELETE CASCADE,
  CHECK ((kind IN ('rapid-review', 'practice-review')) = (incident_id IS NOT NULL)),
  CHECK ((kind = 'audit') = (audit_id IS NOT NULL))
);
-- statement
CREATE UNIQUE INDEX plan_sources_case ON plan_sources (incident_id, kind) WHERE incident_id IS NOT NULL;
-- statement
CREATE UNIQUE INDEX plan_sources_audit ON plan_sources (audit_id) WHERE audit_id IS NOT NULL;
-- statement
CREATE INDEX plan_sources_list ON plan_sources (partnership_id, dated_on DESC, id DESC);
-- statement
CREATE TABLE plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  number integer NOT NULL,
  text text NOT NULL,
  owner_agency_id uuid NOT NULL,
  owner_person_id uuid,
  raised_on date NOT NULL,
  due_on date,
  priority_id uuid,
  status text NOT NULL CHECK (status IN ('proposed', 'agreed', 'in-progress', 'completed', 'embedded', 'merged')),
  outcome text NOT NULL DEFAULT '',
  completed_on date,
  embedded_on date,
  merged_into_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, number),
  FOREIGN KEY (partnership_id, owner_agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, owner_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id),
  FOREIGN KEY (partnership_id, merged_into_id) REFERENCES plan_actions (partnership_id, id),
  CHECK (due_on IS NULL OR due_on >= raised_on),
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
  CHECK (status NOT IN ('completed', 'embedded') OR outcome <> '')
);
-- statement
-- The plan in due-date order (no due date last), for the whole partnership and for one agency.
CREATE INDEX plan_actions_by_due ON plan_actions (partnership_id, (coalesce(due_on, 'infinity'::date)), id)
  WHERE status <> 'merged';
-- statement
CREATE INDEX plan_actions_agency_by_due ON plan_actions
  (partnership_id, owner_agency_id, (coalesce(due_on, 'infinity'::date)), id) WHERE status <> 'merged';
-- statement
-- Suggesting similar open actions: the nearest by trigram distance, read from a GiST index in
-- distance order (a GIN index would have to recheck every action sharing a common trigram).
-- A 256-byte signature (the default is 12) separates sentences better: 10 ms, not 14, at 50,000.
CREATE INDEX plan_actions_open_text ON plan_actions USING gist (text gist_trgm_ops (siglen = 256))
  WHERE status IN ('proposed', 'agreed', 'in-progress');
-- statement
-- "Words in the action": a contains-search over every action's text.
CREATE INDEX plan_actions_text_search ON plan_actions USING gin (text gin_trgm_ops);
-- statement
CREATE INDEX plan_actions_priority ON plan_actions (priority_id) WHERE priority_id IS NOT NULL;
-- statement
CREATE TABLE plan_action_sources (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  action_id uuid NOT NULL,
  source_id uuid NOT NULL,
  -- The recommendation or finding of the source that the action answers.
  detail text NOT NULL DEFAULT '',
  added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (action_id, source_id),
  FOREIGN KEY (partnership_id, action_id) REFERENCES plan_actions (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, source_id) REFERENCES plan_sources (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX plan_action_sources_source ON plan_action_sources (source_id, action_id);
-- statement
CREATE TABLE plan_action_themes (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  action_id uuid NOT NULL,
  theme_id uuid NOT NULL,
  PRIMARY KEY (action_id, theme_id),
  FOREIGN KEY (partnership_id, action_id) REFERENCES plan_actions (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, theme_id) REFERENCES plan_themes (partnership_id, id)
);
-- statement
CREATE INDEX plan_action_themes_theme ON plan_action_themes (theme_id, action_id);
-- statement
-- Progress updates and status changes, oldest first: the action's history.
CREATE TABLE plan_action_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  action_id uuid NOT NULL,
  written_on date NOT NULL,
  text text NOT NULL,
  status_from text,
  status_to text,
  author_user_id uuid REFERENCES users(id),
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, action_id) REFERENCES plan_actions (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX plan_action_updates_action ON plan_action_updates (action_id, created_at);
-- statement
CREATE TABLE plan_action_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  action_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('audit-result', 'data-change', 'practitioner-survey', 'document')),
  summary text NOT NULL,
  evidence_on date NOT NULL,
  reference text NOT NULL DEFAULT '',
  added_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (partnership_id, action_id) REFERENCES plan_actions (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX plan_action_evidence_action ON plan_action_evidence (action_id, created_at);
-- statement
-- Themes at a glance counts every action of the plan; its answers are kept per partnership, filter
-- and day, and are good while the partnership's plan version is the one they were counted at. Any
-- change to an action, its themes or sources, or the themes, moves the version on (triggers below),
-- in the same transaction, so a stale answer is never served.
CREATE TABLE plan_versions (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  version bigint NOT NULL
);
-- statement
CREATE TABLE plan_summaries (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  key text NOT NULL,
  day date NOT NULL,
  version bigint NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (partnership_id, key)
);
-- statement
-- Statement-level, with the changed rows as a table: a bulk insert moves each version on once.
CREATE FUNCTION plan_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_versions (partnership_id, version)
  SELECT DISTINCT partnership_id, 1 FROM changed_rows
  ON CONFLICT (partnership_id) DO UPDATE SET version = plan_versions.version + 1;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER plan_actions_inserted AFTER INSERT ON plan_actions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_actions_updated AFTER UPDATE ON plan_actions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_actions_deleted AFTER DELETE ON plan_actions
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_themes_inserted AFTER INSERT ON plan_action_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_themes_updated AFTER UPDATE ON plan_action_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_themes_deleted AFTER DELETE ON plan_action_themes
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_sources_inserted AFTER INSERT ON plan_action_sources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_sources_updated AFTER UPDATE ON plan_action_sources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_action_sources_deleted AFTER DELETE ON plan_action_sources
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_themes_inserted AFTER INSERT ON plan_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_themes_updated AFTER UPDATE ON plan_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
CREATE TRIGGER plan_themes_deleted AFTER DELETE ON plan_themes
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_rows_changed();
-- statement
-- Every partnership starts with the usual themes (features/actions/rules.ts DEFAULT_THEMES).
INSERT INTO plan_themes (partnership_id, name)
SELECT p.id, t.name FROM partnerships p
 CROSS JOIN unnest(ARRAY['Neglect', 'Domestic abuse', 'Exploitation', 'Supervision', 'Information sharing',
   'Voice of the child']) AS t(name);
-- statement
-- The case reviews' immediate actions move into the plan, each answering its case's rapid review.
INSERT INTO plan_sources (partnership_id, kind, title, dated_on, incident_id)
SELECT DISTINCT i.partnership_id, 'rapid-review', i.pseudonym,
       coalesce(i.panel_met_on, i.aware_on), i.id
  FROM incident_actions x JOIN incidents i ON i.id = x.incident_id;
-- statement
INSERT INTO plan_actions (id, partnership_id, number, text, owner_agency_id, raised_on, due_on, status, created_at)
SELECT x.id, x.partnership_id,
       row_number() OVER (PARTITION BY x.partnership_id ORDER BY x.created_at, x.id),
       x.text, x.owner_agency_id, least(x.created_at::date, coalesce(x.due_on, x.created_at::date)), x.due_on,
       'agreed', x.created_at
  FROM incident_actions x;
-- statement
INSERT INTO plan_action_sources (partnership_id, action_id, source_id)
SELECT x.partnership_id, x.id, s.id
  FROM incident_actions x JOIN plan_sources s ON s.incident_id = x.incident_id AND s.kind = 'rapid-review';
-- statement
DROP TABLE incident_actions;
