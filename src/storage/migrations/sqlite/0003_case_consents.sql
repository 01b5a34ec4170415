-- Consents of a case: an append-only history (a withdrawal is a new entry). `seq` orders the
-- entries of one case; the latest entry of a kind (and organisation, for sharing) is in effect.
-- The witness of a verbal consent is personal: sealed under the case's data key.
CREATE TABLE case_consents (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  office_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  form TEXT NOT NULL,
  witness BLOB,
  organisation TEXT NOT NULL DEFAULT '',
  organisation_key TEXT NOT NULL DEFAULT '',  -- trimmed, case-folded organisation
  recorded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (case_id, seq)
);
CREATE INDEX case_consents_kind ON case_consents(case_id, kind, organisation_key, seq);

CREATE TRIGGER case_consents_no_update BEFORE UPDATE ON case_consents
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
