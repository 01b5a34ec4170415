-- Shelters (issue 4): the registry, admissions/discharges of cases, incidents.
-- A shelter's address, coordinates and contacts are its most dangerous data: they are serialised
-- together and sealed once as `secret` (XChaCha20-Poly1305 under the shelter's own data key,
-- record id = the shelter id, field "location"). Capacity per population, services and
-- accessibility are clear (statistics, referral planning) as JSON text.
CREATE TABLE shelters (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  name TEXT NOT NULL,
  operator_type TEXT NOT NULL,        -- government | ngo | international_organisation | private
  operator_org TEXT NOT NULL,
  status TEXT NOT NULL,               -- open | suspended | closed
  capacity TEXT NOT NULL,             -- JSON {"women":12,"girls":4,...}
  services TEXT NOT NULL,             -- JSON list of strings
  accessibility TEXT NOT NULL,        -- JSON {"wheelchair":bool,...,"notes":"..."}
  secret BLOB,                        -- sealed JSON {"address","latitude","longitude","contacts"}
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX shelters_office_name ON shelters(office_id, name, id);

-- A stay of a case in a shelter. Open while discharge_date IS NULL. The referral text and the
-- discharge reason describe the person: sealed under the *case's* data key (fields
-- "admission:<id>:referral", "admission:<id>:discharge_reason"), so erasing the case shreds them.
-- office_id is the shelter's office (the access scope of shelter staff).
CREATE TABLE shelter_admissions (
  id TEXT PRIMARY KEY,
  shelter_id TEXT NOT NULL REFERENCES shelters(id),
  office_id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  population TEXT NOT NULL,           -- women | men | girls | boys | families
  admission_date TEXT NOT NULL,       -- YYYY-MM-DD
  room TEXT,
  bed TEXT,
  referral BLOB,                      -- sealed
  over_capacity INTEGER NOT NULL DEFAULT 0,  -- admitted with override_capacity beyond capacity
  discharge_date TEXT,                -- YYYY-MM-DD, NULL while the stay is open
  discharge_destination TEXT,
  discharge_reason BLOB,              -- sealed
  discharged_by TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- A case is in at most one shelter at a time: the store, not a read-then-write check, decides.
CREATE UNIQUE INDEX shelter_admissions_one_open ON shelter_admissions(case_id)
  WHERE discharge_date IS NULL;
CREATE INDEX shelter_admissions_shelter ON shelter_admissions(shelter_id, admission_date, id);
CREATE INDEX shelter_admissions_office ON shelter_admissions(office_id, discharge_date);

-- Incidents in a shelter. Description and follow-up are free text that may name residents:
-- sealed under the shelter's data key ("incident:<id>:description", "incident:<id>:follow_up").
CREATE TABLE shelter_incidents (
  id TEXT PRIMARY KEY,
  shelter_id TEXT NOT NULL REFERENCES shelters(id),
  office_id TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- security | health | conflict | left_without_notice | other
  severity TEXT NOT NULL,             -- low | medium | high | critical
  occurred_at INTEGER NOT NULL,       -- ms since the epoch, UTC
  description BLOB NOT NULL,          -- sealed
  follow_up BLOB,                     -- sealed
  status TEXT NOT NULL,               -- open | closed
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX shelter_incidents_shelter ON shelter_incidents(shelter_id, occurred_at, id);
