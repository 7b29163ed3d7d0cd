-- The multi-agency data dashboard (PRODUCT §6): the indicator catalogue, the child population that
-- turns counts into rates, benchmark series, quarterly data calls and each agency's submission.

-- Per-partnership settings of the dashboard; no row means the defaults (DOMAIN.md: suppress 1-5).
CREATE TABLE data_settings (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  suppress_up_to integer NOT NULL DEFAULT 5 CHECK (suppress_up_to BETWEEN 0 AND 20),
  area_code text NOT NULL DEFAULT '',
  region_name text NOT NULL DEFAULT 'London',
  region_code text NOT NULL DEFAULT '',
  -- The area's statistical neighbours (DfE's model gives 10), by ONS code: the benchmarks averaged.
  neighbour_codes text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- statement
CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,23}$'),
  name text NOT NULL,
  definition text NOT NULL DEFAULT '',
  unit text NOT NULL CHECK (unit IN ('count', 'percentage', 'rate', 'days')),
  polarity text NOT NULL CHECK (polarity IN ('higher', 'lower', 'neither')),
  -- The agency that owns the indicator; 'every-partner' indicators are asked of every agency too.
  agency_id uuid NOT NULL,
  asked_of text NOT NULL DEFAULT 'owner' CHECK (asked_of IN ('owner', 'every-partner')),
  -- A count of children, shown also as a rate per 10,000 children aged 0-17.
  per_10k boolean NOT NULL DEFAULT false,
  -- A count that breaks down another's total (plans by category), suppressed together with it; or a
  -- percentage of another count (placements of children looked after), suppressed when the children
  -- it stands for are few.
  part_of_id uuid,
  source text NOT NULL DEFAULT '',
  published boolean NOT NULL DEFAULT false,
  -- An exception: a change from the previous quarter of more than this many per cent, or a value
  -- beyond either limit.
  change_threshold numeric CHECK (change_threshold > 0),
  alert_above numeric,
  alert_below numeric,
  retired boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, code),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, part_of_id) REFERENCES indicators (partnership_id, id),
  CHECK (part_of_id IS NULL OR part_of_id <> id)
);
-- statement
CREATE INDEX indicators_list ON indicators (partnership_id, name, id);
-- statement
CREATE INDEX indicators_agency ON indicators (partnership_id, agency_id);
-- statement
CREATE TABLE indicator_themes (
  partnership_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  theme_id uuid NOT NULL,
  PRIMARY KEY (indicator_id, theme_id),
  FOREIGN KEY (partnership_id, indicator_id) REFERENCES indicators (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, theme_id) REFERENCES plan_themes (partnership_id, id)
);
-- statement
CREATE INDEX indicator_themes_theme ON indicator_themes (theme_id, indicator_id);
-- statement
CREATE TABLE indicator_priorities (
  partnership_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  priority_id uuid NOT NULL,
  PRIMARY KEY (indicator_id, priority_id),
  FOREIGN KEY (partnership_id, indicator_id) REFERENCES indicators (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, priority_id) REFERENCES priorities (partnership_id, id)
);
-- statement
CREATE INDEX indicator_priorities_priority ON indicator_priorities (priority_id, indicator_id);
-- statement
-- The ONS mid-year estimate of the area's children aged 0-17, by the year of the estimate.
CREATE TABLE child_populations (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  children integer NOT NULL CHECK (children > 0),
  source text NOT NULL DEFAULT '',
  PRIMARY KEY (partnership_id, year)
);
-- statement
-- Published comparators: England, the region, the statistical neighbours (and the area itself, as
-- published nationally). A period is the one the publisher names ('2020/21'), ending on a date.
CREATE TABLE benchmark_values (
  partnership_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  area_kind text NOT NULL CHECK (area_kind IN ('area', 'england', 'region', 'neighbour')),
  area_code text NOT NULL,
  area_name text NOT NULL,
  period text NOT NULL,
  period_ends_on date NOT NULL,
  value numeric NOT NULL,
  PRIMARY KEY (indicator_id, area_code, period_ends_on),
  FOREIGN KEY (partnership_id, indicator_id) REFERENCES indicators (partnership_id, id) ON DELETE CASCADE
);
-- statement
CREATE INDEX benchmark_values_latest ON benchmark_values (indicator_id, area_kind, period_ends_on DESC);
-- statement
CREATE INDEX benchmark_values_partnership ON benchmark_values (partnership_id, area_kind);
-- statement
CREATE TABLE data_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  -- The first day of the financial quarter the call asks for (April to June is Q1).
  quarter_starts_on date NOT NULL CHECK (extract(day FROM quarter_starts_on) = 1
    AND extract(month FROM quarter_starts_on) IN (1, 4, 7, 10)),
  deadline date NOT NULL,
  note text NOT NULL DEFAULT '',
  opened_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, quarter_starts_on)
);
-- statement
CREATE TABLE data_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL,
  call_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  narrative text NOT NULL DEFAULT '',
  -- The first submission decides whether it was on time; later changes are amendments.
  submitted_on date,
  late boolean NOT NULL DEFAULT false,
  amended_on date,
  -- Of the indicators asked of the agency, how many its figures answer for the call's quarter, and how
  -- many only for an older one: kept as figures change, for the compliance return.
  for_quarter integer NOT NULL DEFAULT 0,
  older_only integer NOT NULL DEFAULT 0,
  updated_by text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (call_id, agency_id),
  FOREIGN KEY (partnership_id, call_id) REFERENCES data_calls (partnership_id, id),
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL))
);
-- statement
-- One figure of one submission. `current` marks the figure the dashboard shows for its indicator,
-- agency and quarter: the one most recently submitted. Drafts are never current.
CREATE TABLE data_figures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partnership_id uuid NOT NULL,
  submission_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  period_starts_on date NOT NULL CHECK (extract(day FROM period_starts_on) = 1
    AND extract(month FROM period_starts_on) IN (1, 4, 7, 10)),
  value numeric NOT NULL CHECK (value >= 0),
  current boolean NOT NULL DEFAULT false,
  UNIQUE (submission_id, indicator_id, period_starts_on),
  FOREIGN KEY (partnership_id, submission_id) REFERENCES data_submissions (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, indicator_id) REFERENCES indicators (partnership_id, id)
);
-- statement
CREATE UNIQUE INDEX data_figures_current ON data_figures (indicator_id, period_starts_on, agency_id)
  WHERE current;
-- statement
-- Every figure of an indicator, agency and quarter, current or not: what a removed figure falls back to.
CREATE INDEX data_figures_series ON data_figures (indicator_id, agency_id, period_starts_on);
-- statement
-- Which exceptions were escalated to the executive, and as which escalation.
CREATE TABLE data_exception_escalations (
  partnership_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period_starts_on date NOT NULL,
  escalation_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_starts_on),
  FOREIGN KEY (partnership_id, indicator_id) REFERENCES indicators (partnership_id, id),
  FOREIGN KEY (partnership_id, escalation_id) REFERENCES escalations (partnership_id, id)
);
-- statement
-- Each indicator's headline figure for a quarter, kept as submissions change: the owner's current
-- figure, or for a count asked of every partner the sum of all agencies'. The dashboard reads three of
-- these an indicator instead of adding up every agency's figures on every view.
CREATE TABLE data_headlines (
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  period_starts_on date NOT NULL,
  value numeric NOT NULL,
  -- How many agencies' figures it is made of (a count asked of every partner adds them up).
  agencies integer NOT NULL,
  PRIMARY KEY (indicator_id, period_starts_on)
);
