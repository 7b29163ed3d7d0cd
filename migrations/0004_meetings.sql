-- Meetings of groups, their agendas, attendance, decisions and action lists (PRODUCT §2).
-- A group's quorum: how many people must be present, and whether each statutory partner must be.
ALTER TABLE groups ADD COLUMN quorum integer CHECK (quorum IS NULL OR quorum BETWEEN 1 AND 500);
-- statement
ALTER TABLE groups ADD COLUMN quorum_needs_statutory boolean NOT NULL DEFAULT false;
-- statement
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  group_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  video_url text,
  papers_due_on date,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, group_id) REFERENCES groups (partnership_id, id),
  CHECK (ends_at > starts_at)
);
-- statement
CREATE INDEX meetings_partnership_starts ON meetings (partnership_id, starts_at, id);
-- statement
CREATE INDEX meetings_group_starts ON meetings (partnership_id, group_id, starts_at, id);
-- statement
CREATE TABLE agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  meeting_id uuid NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  owner_person_id uuid,
  is_standing boolean NOT NULL DEFAULT false,
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, meeting_id) REFERENCES meetings (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, owner_person_id) REFERENCES people (partnership_id, id)
);
-- statement
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
-- statement
-- Attendance keeps the agency the person was from on the day, so a later move doesn't rewrite history.
CREATE TABLE meeting_attendance (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  meeting_id uuid NOT NULL,
  person_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
  PRIMARY KEY (meeting_id, person_id),
  FOREIGN KEY (partnership_id, meeting_id) REFERENCES meetings (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE TABLE meeting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  meeting_id uuid NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, meeting_id) REFERENCES meetings (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, created_at, id);
-- statement
-- A group's own tasks (its action list), not the learning action plan. group_id is the meeting's,
-- kept here so a group's open actions are one index range.
CREATE TABLE meeting_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  meeting_id uuid NOT NULL,
  group_id uuid NOT NULL,
  text text NOT NULL,
  owner_person_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
  progress text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, meeting_id) REFERENCES meetings (partnership_id, id),
  FOREIGN KEY (partnership_id, group_id) REFERENCES groups (partnership_id, id),
  FOREIGN KEY (partnership_id, owner_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, created_at, id);
-- statement
CREATE INDEX meeting_actions_group_open ON meeting_actions (partnership_id, group_id, due_on, id)
  WHERE status IN ('open', 'in-progress');
-- statement
CREATE INDEX meeting_actions_agency_open ON meeting_actions (partnership_id, agency_id, due_on, id)
  WHERE status IN ('open', 'in-progress');
