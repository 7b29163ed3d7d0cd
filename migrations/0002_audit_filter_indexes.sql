-- The audit log page filters by action, by who acted and by date; each needs its own index so a
-- filter over a million entries does not walk the log from the newest entry back.
CREATE INDEX audit_log_action ON audit_log (partnership_id, action, id DESC);
-- statement
CREATE INDEX audit_log_actor_label ON audit_log (partnership_id, actor_label, id DESC);
-- statement
CREATE INDEX audit_log_at ON audit_log (partnership_id, at, id);
