-- The store's own state, and identities for the reviewer's work that outlive the store file.
--   store_state   key -> value: 'store_id' (this file's identity: a backup or a repaired store
--                 gets its own), 'checks_pending' (set before an import writes its documents,
--                 cleared in the transaction that stores its findings: while it is set, the
--                 findings are incomplete and the next import or start-up recomputes them all)
--   uid           of notes and corrections: the key of the reviewer's work in the journal beside
--                 the store (viewer/store/work_journal.py), so that it can be restored into
--                 another store
CREATE TABLE store_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_state (key, value) VALUES ('store_id', lower(hex(randomblob(16))));

ALTER TABLE notes ADD COLUMN uid TEXT;
UPDATE notes SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX notes_uid ON notes(uid);
CREATE TRIGGER notes_uid_given AFTER INSERT ON notes WHEN NEW.uid IS NULL
BEGIN
    UPDATE notes SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE corrections ADD COLUMN uid TEXT;
UPDATE corrections SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX corrections_uid ON corrections(uid);
CREATE TRIGGER corrections_uid_given AFTER INSERT ON corrections WHEN NEW.uid IS NULL
BEGIN
    UPDATE corrections SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
