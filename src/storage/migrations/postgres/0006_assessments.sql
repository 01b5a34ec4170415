-- Shelter assessments against minimum standards (issue 4): versioned templates, assessments
-- (draft -> finished, then immutable) and their recommendations.
-- Evidence notes and the summary are free text that may mention people: serialised together and
-- sealed once as `sealed` under the *shelter's* data key (record id = the shelter id, field
-- "assessment:<id>:evidence"), so erasing a shelter shreds them. Scores and computed results are
-- clear (statistics, comparison between shelters).

-- Templates are data: the shipped default is version 1, each admin edit adds a version. Rows are
-- never updated, so an assessment's (template_id, template_version) keeps its meaning.
-- Organisation-wide reference data, so no office_id.
CREATE TABLE assessment_templates (
  id TEXT NOT NULL,
  version BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,              -- JSON: the template in its API shape (areas, items)
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (id, version)
);

-- office_id is the shelter's office (the access scope), copied when the assessment is created.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  shelter_id TEXT NOT NULL REFERENCES shelters(id),
  office_id TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version BIGINT NOT NULL,
  assessed_on TEXT NOT NULL,       -- YYYY-MM-DD
  status TEXT NOT NULL,            -- draft | finished
  scores TEXT NOT NULL,            -- JSON {"area":{"item":{"score":2}|{"na":true}}}
  sealed BYTEA,                     -- sealed JSON {"summary","evidence":{"area":{"item":"..."}}}
  result TEXT NOT NULL,            -- JSON: the computed scores (API "result")
  critical_gaps BIGINT NOT NULL DEFAULT 0,
  finished_by TEXT,
  finished_at BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  FOREIGN KEY (template_id, template_version) REFERENCES assessment_templates(id, version)
);
CREATE INDEX assessments_shelter ON assessments(shelter_id, assessed_on, id);
CREATE INDEX assessments_office ON assessments(office_id, assessed_on, id);
-- A finished assessment is evidence of what was found on a date: the store refuses to change it.
CREATE FUNCTION assessments_refuse_finished() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'finished' THEN
    RAISE EXCEPTION 'a finished assessment is immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER assessments_finished_immutable BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_refuse_finished();

CREATE TABLE assessment_recommendations (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  shelter_id TEXT NOT NULL,
  office_id TEXT NOT NULL,
  text TEXT NOT NULL,
  area_key TEXT,
  item_key TEXT,
  owner_user_id TEXT,
  owner_name TEXT,
  priority TEXT NOT NULL,          -- low | medium | high
  due_date TEXT,                   -- YYYY-MM-DD
  status TEXT NOT NULL,            -- open | in_progress | done
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX assessment_recommendations_assessment ON assessment_recommendations(assessment_id, id);
CREATE INDEX assessment_recommendations_office ON assessment_recommendations(office_id, status, due_date);
