-- Each case row carries a copy of its wrapped data key (cases.wrapped_key), kept by the database
-- from data_keys, which stays the one place the key store writes: a read of cases then needs no
-- look-up in data_keys per row (docs/benchmarks.md). Crypto-shredding still deletes the
-- data_keys row; the trigger clears the copy in the same statement.
ALTER TABLE cases ADD COLUMN wrapped_key BLOB;

UPDATE cases SET wrapped_key = (SELECT wrapped FROM data_keys WHERE record_id = cases.id);

CREATE TRIGGER data_keys_mirror_insert AFTER INSERT ON data_keys BEGIN
  UPDATE cases SET wrapped_key = NEW.wrapped WHERE id = NEW.record_id;
END;

CREATE TRIGGER data_keys_mirror_update AFTER UPDATE ON data_keys BEGIN
  UPDATE cases SET wrapped_key = NULL WHERE id = OLD.record_id AND OLD.record_id IS NOT NEW.record_id;
  UPDATE cases SET wrapped_key = NEW.wrapped WHERE id = NEW.record_id;
END;

CREATE TRIGGER data_keys_mirror_delete AFTER DELETE ON data_keys BEGIN
  UPDATE cases SET wrapped_key = NULL WHERE id = OLD.record_id;
END;

-- A case inserted after its key (the usual order), or a copy written by anything but these
-- triggers, takes the key from data_keys: the copy always equals the data_keys row.
CREATE TRIGGER cases_key_from_data_keys AFTER INSERT ON cases BEGIN
  UPDATE cases SET wrapped_key = (SELECT wrapped FROM data_keys WHERE record_id = NEW.id)
  WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER cases_key_guard AFTER UPDATE OF wrapped_key ON cases
  WHEN NEW.wrapped_key IS NOT (SELECT wrapped FROM data_keys WHERE record_id = NEW.id) BEGIN
  UPDATE cases SET wrapped_key = (SELECT wrapped FROM data_keys WHERE record_id = NEW.id)
  WHERE rowid = NEW.rowid;
END;
