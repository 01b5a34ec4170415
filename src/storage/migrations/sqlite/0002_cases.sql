-- Victim cases. Clear columns are what filters and statistics need; personal fields live sealed in
-- `pii` (XChaCha20-Poly1305 under the case's data key); names are searchable through blind tokens.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  number TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  trafficking_status TEXT,
  owner_id TEXT,
  gender TEXT,
  birth_year INTEGER,
  citizenship TEXT NOT NULL DEFAULT '',   -- ",VN,KH," for containment filters
  exploitation TEXT NOT NULL DEFAULT '',  -- ",ForcedLabour,"
  referral_date TEXT,
  attrs TEXT NOT NULL,                    -- JSON: other clear fields, events, closure state
  pii BLOB,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_office_created ON cases(office_id, created_at, id);
CREATE INDEX cases_office_status ON cases(office_id, status, created_at, id);

CREATE TABLE case_name_tokens (
  token TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  PRIMARY KEY (token, case_id)
);
CREATE INDEX case_name_tokens_case ON case_name_tokens(case_id);

CREATE TABLE case_counters (
  office_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  next_value INTEGER NOT NULL,
  PRIMARY KEY (office_id, year)
);

CREATE TABLE case_history (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  time INTEGER NOT NULL,
  changes TEXT NOT NULL  -- JSON list of {"field","from","to"} or {"field","changed":true}
);
CREATE INDEX case_history_case ON case_history(case_id, time, id);
