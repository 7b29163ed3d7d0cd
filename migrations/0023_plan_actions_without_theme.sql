-- The plan's "No theme" filter: the actions still to be given a theme, in due-date order. Read from
-- the whole plan's index, it walked every action to find the few with none (21 ms at 50,000 actions);
-- this index holds only those. An action's theme ids are kept in its row by migration 0021's triggers.
CREATE INDEX plan_actions_without_theme_by_due ON plan_actions
  (partnership_id, (coalesce(due_on, 'infinity'::date)), id) WHERE status <> 'merged' AND theme_ids = '{}';
