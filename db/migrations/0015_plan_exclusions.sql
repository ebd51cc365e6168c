-- Rows of a plan evaluation the reviewer left out, with why: reviewer work, kept across
-- re-imports and re-analyses of the plan (anchored by the plan's path and the row's key, which
-- names the target's indicator, place, year, kind and value; no foreign key).
CREATE TABLE plan_exclusions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_path TEXT NOT NULL,
    row_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (doc_path, row_key)
);
