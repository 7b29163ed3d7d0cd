-- Key points of executive meetings (PRODUCT §2): a short summary the chair approves, then sent to
-- every partner's contact address and kept on a page.
ALTER TABLE agencies ADD COLUMN contact_email text;
-- statement
ALTER TABLE meetings ADD COLUMN key_points text NOT NULL DEFAULT '';
-- statement
ALTER TABLE meetings ADD COLUMN key_points_approved_at timestamptz;
-- statement
ALTER TABLE meetings ADD COLUMN key_points_approved_by text;
-- statement
CREATE INDEX meetings_key_points ON meetings (partnership_id, key_points_approved_at DESC, id DESC)
  WHERE key_points_approved_at IS NOT NULL;
