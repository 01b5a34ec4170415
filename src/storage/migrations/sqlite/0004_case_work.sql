-- Case work: screening with versioned indicator sets, services, notes and tasks.
-- Free text that may describe the person (screening notes, decision justifications, notes, task
-- titles) is sealed under the case's data key (XChaCha20-Poly1305, record id = the case id, field
-- "note:<id>", "task:<id>:title", "screening:<id>:notes", "screening:<id>:justification").

-- Indicator lists are data: the shipped defaults are version 1, each admin edit adds a version.
-- Organisation-wide reference data, so no office_id.
CREATE TABLE indicator_sets (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  source TEXT NOT NULL,
  population TEXT NOT NULL,  -- adult | child
  kind TEXT NOT NULL,        -- labour | sexual
  body TEXT NOT NULL,        -- JSON list of {"id","dimension","strength","text"}
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE screenings (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  indicator_set TEXT NOT NULL,
  set_version INTEGER NOT NULL,
  observed TEXT NOT NULL,          -- JSON list of indicator ids
  result TEXT NOT NULL,            -- JSON: the computed suggestion
  suggested_victim INTEGER NOT NULL,
  notes BLOB,                      -- sealed
  decision TEXT,                   -- vic_TraffickingStatus value, set by a caseworker
  justification BLOB,              -- sealed
  decided_by TEXT,
  decided_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (indicator_set, set_version) REFERENCES indicator_sets(id, version)
);
CREATE INDEX screenings_case ON screenings(case_id, id);
CREATE INDEX screenings_office ON screenings(office_id, created_at);

CREATE TABLE case_services (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  type TEXT NOT NULL,
  provider TEXT,
  start_date TEXT,
  end_date TEXT,
  status TEXT NOT NULL,
  cost_milli INTEGER,              -- thousandths of the currency unit
  currency TEXT,                   -- ISO 4217
  funding_source TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_services_case ON case_services(case_id, id);
CREATE INDEX case_services_office ON case_services(office_id, type, status);

CREATE TABLE case_notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  author TEXT NOT NULL,
  body BLOB NOT NULL,              -- sealed
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_notes_case ON case_notes(case_id, id);

CREATE TABLE case_tasks (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  title BLOB NOT NULL,             -- sealed
  due_date TEXT NOT NULL,
  assignee_id TEXT NOT NULL,
  status TEXT NOT NULL,            -- open | done
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_tasks_case ON case_tasks(case_id, id);
CREATE INDEX case_tasks_assignee ON case_tasks(assignee_id, status, due_date, id);
