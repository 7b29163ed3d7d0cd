-- Migration 0019 moves a partnership's lists version on with each change to its agencies, plan themes
-- and priorities, but a TRUNCATE (a restore, say) fired no trigger: pages went on offering the lists
-- the service had kept. A TRUNCATE names no partnership, so every partnership's lists move on, as 0022
-- does for the structure. Both now also give a version to a partnership that had none (version 0 until
-- its first change), which 0022's UPDATE alone left at 0 and so served from what was kept for it.
CREATE FUNCTION lists_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_versions (partnership_id, version)
  SELECT id, 1 FROM partnerships
  ON CONFLICT (partnership_id) DO UPDATE SET version = list_versions.version + 1;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER agencies_list_truncated AFTER TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION lists_truncated();
-- statement
CREATE TRIGGER plan_themes_list_truncated AFTER TRUNCATE ON plan_themes
  FOR EACH STATEMENT EXECUTE FUNCTION lists_truncated();
-- statement
CREATE TRIGGER priorities_list_truncated AFTER TRUNCATE ON priorities
  FOR EACH STATEMENT EXECUTE FUNCTION lists_truncated();
-- statement
CREATE OR REPLACE FUNCTION structure_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO structure_versions (partnership_id, version)
  SELECT id, 1 FROM partnerships
  ON CONFLICT (partnership_id) DO UPDATE SET version = structure_versions.version + 1;
  RETURN NULL;
END;
$$;
