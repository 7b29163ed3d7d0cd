-- The structure page (and the home page's summary of it) shows a partnership's current groups with
-- their chairs, the executive's chair rota, the statutory partners' leads and the other boards. It is
-- read far more often than it changes, and with thousands of groups drawing the chart costs more than
-- the rest of the page. Each partnership's structure has a version that any change to the rows it shows
-- moves on, in the same transaction (triggers below). The service reads the version (one row by key)
-- with each view and keeps what it drew for that version and day: it draws again only once something
-- shown has changed, in whichever process, because the version is read from the database each time.
-- A write bypassing triggers (a restore) is caught within the hour: the service keeps a drawing for
-- an hour at most. Moving the version locks the partnership's row until commit: writers to these
-- tables in one partnership take turns from their first such statement to their commit.
CREATE TABLE structure_versions (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  version bigint NOT NULL
);
-- statement
-- Statement-level, with the changed rows as a table: a bulk insert moves each version on once.
CREATE FUNCTION structure_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO structure_versions (partnership_id, version)
  SELECT DISTINCT partnership_id, 1 FROM changed_rows
  ON CONFLICT (partnership_id) DO UPDATE SET version = structure_versions.version + 1;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER groups_structure_inserted AFTER INSERT ON groups
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER groups_structure_updated AFTER UPDATE ON groups
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER groups_structure_deleted AFTER DELETE ON groups
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER people_structure_inserted AFTER INSERT ON people
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER people_structure_updated AFTER UPDATE ON people
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER people_structure_deleted AFTER DELETE ON people
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER agencies_structure_inserted AFTER INSERT ON agencies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER agencies_structure_updated AFTER UPDATE ON agencies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER agencies_structure_deleted AFTER DELETE ON agencies
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER safeguarding_partners_structure_inserted AFTER INSERT ON safeguarding_partners
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER safeguarding_partners_structure_updated AFTER UPDATE ON safeguarding_partners
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER safeguarding_partners_structure_deleted AFTER DELETE ON safeguarding_partners
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER executive_chair_rota_structure_inserted AFTER INSERT ON executive_chair_rota
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER executive_chair_rota_structure_updated AFTER UPDATE ON executive_chair_rota
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER executive_chair_rota_structure_deleted AFTER DELETE ON executive_chair_rota
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER board_links_structure_inserted AFTER INSERT ON board_links
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER board_links_structure_updated AFTER UPDATE ON board_links
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
CREATE TRIGGER board_links_structure_deleted AFTER DELETE ON board_links
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION structure_rows_changed();
-- statement
-- TRUNCATE has no rows to name the partnerships by: every partnership's structure moves on.
CREATE FUNCTION structure_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE structure_versions SET version = version + 1;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER groups_structure_truncated AFTER TRUNCATE ON groups
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
-- statement
CREATE TRIGGER people_structure_truncated AFTER TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
-- statement
CREATE TRIGGER agencies_structure_truncated AFTER TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
-- statement
CREATE TRIGGER safeguarding_partners_structure_truncated AFTER TRUNCATE ON safeguarding_partners
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
-- statement
CREATE TRIGGER executive_chair_rota_structure_truncated AFTER TRUNCATE ON executive_chair_rota
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
-- statement
CREATE TRIGGER board_links_structure_truncated AFTER TRUNCATE ON board_links
  FOR EACH STATEMENT EXECUTE FUNCTION structure_truncated();
