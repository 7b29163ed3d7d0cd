-- The parts of a total, found from the total: the published figures page lists a page of totals and
-- then their parts, and the foreign key from a part to its total is checked when a total is removed.
CREATE INDEX indicators_parts ON indicators (partnership_id, part_of_id) WHERE part_of_id IS NOT NULL;
