-- Foundation: partnerships, accounts, sessions, the audit log and the partnership's structure.
-- Statements are separated by lines holding only "-- statement" so function bodies stay whole.

CREATE TABLE partnerships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  area_name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('local-authority', 'icb', 'police', 'relevant-agency')),
  sector text NOT NULL DEFAULT 'other',
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id)
);
-- statement
CREATE UNIQUE INDEX agencies_partnership_name ON agencies (partnership_id, lower(name));
-- statement
CREATE INDEX agencies_partnership_list ON agencies (partnership_id, name, id);
-- statement
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  agency_id uuid NOT NULL,
  name text NOT NULL,
  job_title text NOT NULL DEFAULT '',
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE INDEX people_partnership_list ON people (partnership_id, name, id);
-- statement
CREATE INDEX people_agency ON people (partnership_id, agency_id, name, id);
-- statement
-- WT2023: each statutory partner has one lead safeguarding partner and may name delegates.
CREATE TABLE safeguarding_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  agency_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'delegated')),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id),
  UNIQUE (agency_id, person_id)
);
-- statement
CREATE UNIQUE INDEX safeguarding_partners_one_lead ON safeguarding_partners (agency_id) WHERE role = 'lead';
-- statement
CREATE TABLE groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('executive', 'subgroup', 'priority-group', 'task-and-finish',
    'rapid-review-panel', 'rapid-review-working-group', 'forum')),
  terms_of_reference text NOT NULL DEFAULT '',
  cadence text NOT NULL CHECK (cadence IN ('weekly', 'fortnightly', 'monthly', 'six-weekly', 'bi-monthly',
    'quarterly', 'as-needed')),
  chair_person_id uuid,
  sponsor_person_id uuid,
  reports_to_group_id uuid,
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, chair_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, sponsor_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, reports_to_group_id) REFERENCES groups (partnership_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
-- statement
CREATE UNIQUE INDEX groups_partnership_name ON groups (partnership_id, lower(name));
-- statement
CREATE INDEX groups_partnership_list ON groups (partnership_id, name, id);
-- statement
CREATE TABLE group_members (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  group_id uuid NOT NULL,
  person_id uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, person_id),
  FOREIGN KEY (partnership_id, group_id) REFERENCES groups (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id)
);
-- statement
CREATE INDEX group_members_person ON group_members (partnership_id, person_id);
-- statement
-- The executive's chair rotates between the three statutory partners.
CREATE TABLE executive_chair_rota (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  agency_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
  CHECK (ends_on >= starts_on)
);
-- statement
CREATE INDEX executive_chair_rota_list ON executive_chair_rota (partnership_id, starts_on);
-- statement
CREATE TABLE board_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  name text NOT NULL,
  relationship text NOT NULL DEFAULT '',
  joint_priorities text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE UNIQUE INDEX board_links_partnership_name ON board_links (partnership_id, lower(name));
-- statement
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  agency_id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator', 'admin', 'executive', 'chair', 'member', 'data-lead',
    'reviewer', 'scrutineer', 'young-scrutineer', 'practitioner')),
  password_hash text,
  is_active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_signed_in_at timestamptz,
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE UNIQUE INDEX users_email ON users (lower(email));
-- statement
CREATE INDEX users_partnership_list ON users (partnership_id, name, id);
-- statement
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
-- statement
CREATE INDEX sessions_user ON sessions (user_id);
-- statement
CREATE INDEX sessions_expiry ON sessions (expires_at);
-- statement
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
-- statement
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
-- statement
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
-- statement
CREATE INDEX invitations_user ON invitations (user_id);
-- statement
CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  address text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (lower(email), at);
-- statement
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);
-- statement
-- Append-only and hash-chained per partnership: each entry's hash covers the one before it.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partnership_id uuid REFERENCES partnerships(id),
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
-- statement
CREATE INDEX audit_log_partnership ON audit_log (partnership_id, id DESC);
-- statement
CREATE INDEX audit_log_entity ON audit_log (partnership_id, entity_type, entity_id, id DESC);
-- statement
CREATE INDEX audit_log_actor ON audit_log (partnership_id, actor_user_id, id DESC);
-- statement
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
-- statement
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
-- statement
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
