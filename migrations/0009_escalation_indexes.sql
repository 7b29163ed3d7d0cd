-- The tracker's "not yet answered" filter, newest first, is one index range (the tracker is the
-- page partners open most; at 5,000 escalations a sort of the partnership's rows cost 15 ms).
CREATE INDEX escalations_unanswered_raised ON escalations (partnership_id, raised_on DESC, id DESC)
  WHERE status IN ('open', 'considered');
