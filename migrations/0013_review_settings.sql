-- The clock lengths DOMAIN.md marks as settings (local practice, or not confirmed in law), per
-- partnership; a partnership without a row uses the defaults in features/reviews/clock-settings.ts.
CREATE TABLE review_settings (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  report_before_publication_working_days integer NOT NULL CHECK (report_before_publication_working_days BETWEEN 1 AND 30),
  learning_session_days integer NOT NULL CHECK (learning_session_days BETWEEN 1 AND 90),
  follow_up_months integer NOT NULL CHECK (follow_up_months BETWEEN 1 AND 24),
  reflection_months integer NOT NULL CHECK (reflection_months BETWEEN 1 AND 36),
  updated_at timestamptz NOT NULL DEFAULT now()
);
