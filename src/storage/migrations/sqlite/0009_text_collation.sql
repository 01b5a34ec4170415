-- PostgreSQL's 0009 makes every text column compare bytewise (COLLATE "C"). SQLite's default
-- collation (BINARY) already does: nothing to change here.
SELECT 1;
