-- Emerging risks (PRODUCT §13), as the fortnightly risk meetings kept them: raised by a partner,
-- the partners it affects, the response, an owner, a status and a date to review it. A risk can be
-- escalated to the executive in one step, which links the escalation made.
CREATE TABLE risks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  number integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  raised_by_agency_id uuid NOT NULL,
  raised_by_person_id uuid,
  raised_on date NOT NULL,
  response text NOT NULL DEFAULT '',
  owner_person_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'managed', 'closed')),
  review_on date,
  escalation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, id),
  UNIQUE (partnership_id, number),
  FOREIGN KEY (partnership_id, raised_by_agency_id) REFERENCES agencies (partnership_id, id),
  FOREIGN KEY (partnership_id, raised_by_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, owner_person_id) REFERENCES people (partnership_id, id),
  FOREIGN KEY (partnership_id, escalation_id) REFERENCES escalations (partnership_id, id)
);
-- statement
CREATE INDEX risks_raised ON risks (partnership_id, raised_on DESC, id DESC);
-- statement
CREATE INDEX risks_status_raised ON risks (partnership_id, status, raised_on DESC, id DESC);
-- statement
CREATE INDEX risks_review ON risks (partnership_id, review_on) WHERE status <> 'closed';
-- statement
CREATE TABLE risk_partners (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  risk_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  PRIMARY KEY (risk_id, agency_id),
  FOREIGN KEY (partnership_id, risk_id) REFERENCES risks (partnership_id, id) ON DELETE CASCADE,
  FOREIGN KEY (partnership_id, agency_id) REFERENCES agencies (partnership_id, id)
);
-- statement
CREATE INDEX risk_partners_agency ON risk_partners (partnership_id, agency_id);
