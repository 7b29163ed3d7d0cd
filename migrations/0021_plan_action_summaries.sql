-- Every list of the plan shows each action's themes, sources and how much evidence it has. Looked up
-- for each action of a page (three subqueries an action), they cost most of the page's database time:
-- about 1,100 buffers for 50 actions. Each action now keeps, in its own row, what is its own: the ids
-- of its themes, its links to sources (id and detail, in the order they were made) and its evidence
-- count. A page then reads the few themes and sources its actions name in one query, by id. Names
-- and titles are not copied: they belong to the theme or source, and a rename racing a new link
-- could leave a copy stale.
--
-- The triggers below rewrite an action's copies in the same statement as any change to its links
-- (a theme or source linked, changed or unlinked; evidence added, removed or moved by a merge). They
-- lock the actions first, in id order (as merges do), then read the links afresh: two transactions
-- changing one action's links take turns, and the second sees the first's. The lock is the one the
-- update takes anyway (FOR NO KEY UPDATE), which does not wait for a link's foreign-key check.
ALTER TABLE plan_actions
  ADD COLUMN theme_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN source_links jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN evidence_count integer NOT NULL DEFAULT 0;
-- statement
-- Set-based (each link table read once, joined to the actions by id), so that a bulk statement of
-- 50,000 links costs seconds, not a lookup of every link per action.
CREATE FUNCTION refresh_plan_action_links(action_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT count(*) FROM (SELECT 1 FROM plan_actions x JOIN unnest(action_ids) a(id) ON x.id = a.id
                         ORDER BY x.id FOR NO KEY UPDATE OF x) locked;
  WITH a AS MATERIALIZED (SELECT DISTINCT id FROM unnest(action_ids) a(id)),
  t AS (SELECT xt.action_id, array_agg(xt.theme_id ORDER BY xt.theme_id) AS ids
          FROM a JOIN plan_action_themes xt ON xt.action_id = a.id GROUP BY xt.action_id),
  s AS (SELECT xs.action_id, jsonb_agg(jsonb_build_object('id', xs.source_id, 'detail', xs.detail)
                                       ORDER BY xs.added_at, xs.source_id) AS links
          FROM a JOIN plan_action_sources xs ON xs.action_id = a.id GROUP BY xs.action_id),
  e AS (SELECT ev.action_id, count(*)::int AS n
          FROM a JOIN plan_action_evidence ev ON ev.action_id = a.id GROUP BY ev.action_id),
  c AS (SELECT a.id, coalesce(t.ids, '{}') AS theme_ids, coalesce(s.links, '[]') AS source_links,
               coalesce(e.n, 0) AS evidence_count
          FROM a LEFT JOIN t ON t.action_id = a.id LEFT JOIN s ON s.action_id = a.id
          LEFT JOIN e ON e.action_id = a.id)
  UPDATE plan_actions x
     SET theme_ids = c.theme_ids, source_links = c.source_links, evidence_count = c.evidence_count
    FROM c
   WHERE x.id = c.id
     AND (x.theme_ids, x.source_links, x.evidence_count) IS DISTINCT FROM (c.theme_ids, c.source_links, c.evidence_count);
$$;
-- statement
-- The actions of the changed rows, before and after an update (a merge moves evidence between actions).
CREATE FUNCTION plan_action_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_plan_action_links(ARRAY(SELECT DISTINCT action_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_plan_action_links(ARRAY(SELECT DISTINCT action_id FROM old_rows));
  ELSE
    PERFORM refresh_plan_action_links(ARRAY(SELECT action_id FROM old_rows UNION SELECT action_id FROM new_rows));
  END IF;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER plan_action_themes_links_inserted AFTER INSERT ON plan_action_themes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_themes_links_updated AFTER UPDATE ON plan_action_themes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_themes_links_deleted AFTER DELETE ON plan_action_themes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_links_inserted AFTER INSERT ON plan_action_sources
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_links_updated AFTER UPDATE ON plan_action_sources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_links_deleted AFTER DELETE ON plan_action_sources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_links_inserted AFTER INSERT ON plan_action_evidence
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_links_updated AFTER UPDATE ON plan_action_evidence
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_links_deleted AFTER DELETE ON plan_action_evidence
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
SELECT refresh_plan_action_links(ARRAY(SELECT id FROM plan_actions));
