-- Every list of the plan's actions names their sources, and the service keeps the sources it has
-- named by id, per version of the partnership's lists (as it keeps the short lists: migration 0019).
-- So any change to a source moves that version on too, in the same transaction.
CREATE TRIGGER plan_sources_list_inserted AFTER INSERT ON plan_sources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_sources_list_updated AFTER UPDATE ON plan_sources
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_sources_list_deleted AFTER DELETE ON plan_sources
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_sources_list_truncated AFTER TRUNCATE ON plan_sources
  FOR EACH STATEMENT EXECUTE FUNCTION lists_truncated();
