-- The governance chart walks reporting lines from the top down a few levels, and the groups list
-- filters by the group reported to ("the groups that report to the executive"), name order: one
-- index serves both, so neither reads the partnership's every group.
CREATE INDEX groups_reports_to ON groups (partnership_id, reports_to_group_id, name, id);
