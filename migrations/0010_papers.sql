-- Meeting papers: files attached to a meeting or one of its agenda items. They are kept in the
-- database (outside any web root, with the rest of the partnership's records, on every engine) and
-- served only through the service, to those who may see the meeting.
CREATE TABLE papers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  meeting_id uuid NOT NULL,
  agenda_item_id uuid REFERENCES agenda_items(id) ON DELETE SET NULL,
  filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  content bytea NOT NULL,
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  FOREIGN KEY (partnership_id, meeting_id) REFERENCES meetings (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX papers_meeting ON papers (meeting_id, created_at, id);
