-- The case list filters by office, status, citizenship and type of exploitation and pages by
-- registration time. With citizenship and exploitation in the index, a page's ids come from the
-- index alone (an index-only scan that skips non-matching entries without reading their rows);
-- only the rows of the page are then read.
DROP INDEX cases_office_created;
DROP INDEX cases_office_status;
CREATE INDEX cases_office_created ON cases(office_id, created_at, id, status, citizenship, exploitation);
CREATE INDEX cases_office_status ON cases(office_id, status, created_at, id, citizenship, exploitation);
