-- SQLite's 0008 rebuilds data_keys as a WITHOUT ROWID table. PostgreSQL's table already reads a
-- key with one primary-key index probe; nothing to change but the note.
COMMENT ON TABLE data_keys IS 'Wrapped per-record data keys; deleting a row crypto-shreds its record.';
