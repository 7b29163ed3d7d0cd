-- Every list of the plan shows each action's themes, sources and how much evidence it has. Looked up
-- for each action of a page (three subqueries an action), they cost most of the page's database time:
-- about 1,100 buffers for 50 actions. Each action now keeps them in its own row, rewritten by the
-- triggers below in the same statement as any change to what they are made of, so they are never out
-- of date: an action's themes or sources linked or unlinked, a theme or source renamed, evidence added
-- or moved by a merge. The tables they are made of stay the record; these columns are only a copy.
ALTER TABLE plan_actions
  ADD COLUMN theme_list jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN source_list jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN evidence_count integer NOT NULL DEFAULT 0;
-- statement
-- Themes by name; sources in the order they were linked; only rows whose copy differs are written.
CREATE FUNCTION refresh_plan_action_lists(action_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE plan_actions x
     SET theme_list = c.theme_list, source_list = c.source_list, evidence_count = c.evidence_count
    FROM (SELECT a.id,
                 coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) ORDER BY t.name, t.id)
                             FROM plan_action_themes xt JOIN plan_themes t ON t.id = xt.theme_id
                            WHERE xt.action_id = a.id), '[]'::jsonb) AS theme_list,
                 coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'title', s.title,
                                    'detail', xs.detail, 'incidentId', s.incident_id) ORDER BY xs.added_at, s.id)
                             FROM plan_action_sources xs JOIN plan_sources s ON s.id = xs.source_id
                            WHERE xs.action_id = a.id), '[]'::jsonb) AS source_list,
                 (SELECT count(*)::int FROM plan_action_evidence e WHERE e.action_id = a.id) AS evidence_count
            FROM unnest(action_ids) AS a(id)) c
   WHERE x.id = c.id
     AND (x.theme_list, x.source_list, x.evidence_count) IS DISTINCT FROM (c.theme_list, c.source_list, c.evidence_count);
$$;
-- statement
-- For the link tables (an action's themes, sources and evidence): the actions of the changed rows,
-- before and after an update (a merge moves evidence from one action to another).
CREATE FUNCTION plan_action_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_plan_action_lists(ARRAY(SELECT DISTINCT action_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_plan_action_lists(ARRAY(SELECT DISTINCT action_id FROM old_rows));
  ELSE
    PERFORM refresh_plan_action_lists(ARRAY(SELECT action_id FROM old_rows UNION SELECT action_id FROM new_rows));
  END IF;
  RETURN NULL;
END;
$$;
-- statement
-- For a theme or source renamed (or, for a source, its kind or case changed): the actions linked to it.
CREATE FUNCTION plan_action_list_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'plan_themes' THEN
    PERFORM refresh_plan_action_lists(ARRAY(
      SELECT DISTINCT xt.action_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN plan_action_themes xt ON xt.theme_id = n.id
       WHERE o.name IS DISTINCT FROM n.name));
  ELSE
    PERFORM refresh_plan_action_lists(ARRAY(
      SELECT DISTINCT xs.action_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN plan_action_sources xs ON xs.source_id = n.id
       WHERE (o.kind, o.title, o.incident_id) IS DISTINCT FROM (n.kind, n.title, n.incident_id)));
  END IF;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER plan_action_themes_lists_inserted AFTER INSERT ON plan_action_themes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_themes_lists_updated AFTER UPDATE ON plan_action_themes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_themes_lists_deleted AFTER DELETE ON plan_action_themes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_lists_inserted AFTER INSERT ON plan_action_sources
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_lists_updated AFTER UPDATE ON plan_action_sources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_sources_lists_deleted AFTER DELETE ON plan_action_sources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_lists_inserted AFTER INSERT ON plan_action_evidence
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_lists_updated AFTER UPDATE ON plan_action_evidence
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_action_evidence_lists_deleted AFTER DELETE ON plan_action_evidence
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_action_links_changed();
-- statement
CREATE TRIGGER plan_themes_lists_updated AFTER UPDATE ON plan_themes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_list_items_changed();
-- statement
CREATE TRIGGER plan_sources_lists_updated AFTER UPDATE ON plan_sources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_action_list_items_changed();
-- statement
SELECT refresh_plan_action_lists(ARRAY(SELECT id FROM plan_actions));
