-- Review: findings of the figure checks with their evidence, and the reviewer's notes.

-- Recomputed as a whole by `run_checks`; spans and figure ids refer to the store as it was then.
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                 -- change / conflict / outlier / target / parts / repeat
    verdict TEXT NOT NULL,              -- consistent / inconsistent / cannot_check / conflict / question / met / missed / not_reported / repeated
    pattern TEXT NOT NULL DEFAULT '',   -- the statement or rule: growth, times_more, multiple_of, cagr, yoy ...
    message TEXT NOT NULL,              -- Chinese
    message_en TEXT NOT NULL DEFAULT '',
    stated REAL,
    computed REAL,
    unit TEXT NOT NULL DEFAULT '',
    doc_id INTEGER,                     -- the document of the first evidence
    span_start INTEGER,
    span_end INTEGER,
    checked_at TEXT NOT NULL
);
CREATE INDEX checks_kind ON checks(kind, verdict);

CREATE TABLE check_evidence (
    id INTEGER PRIMARY KEY,
    check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    label TEXT NOT NULL,                -- from, to, rate, part, total, neighbour, target, actual, paragraph ...
    doc_id INTEGER NOT NULL,            -- documents.id (no foreign key: findings are recomputed after imports)
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    figure_id INTEGER,
    value REAL,
    unit TEXT NOT NULL DEFAULT '',
    year INTEGER
);
CREATE INDEX check_evidence_check ON check_evidence(check_id, idx);
CREATE INDEX check_evidence_doc ON check_evidence(doc_id, span_start);
CREATE INDEX check_evidence_figure ON check_evidence(figure_id);

-- A reviewer's notes. doc_id has no foreign key and doc_path is kept, so that a note outlives
-- re-importing (or deleting) its document; it is re-anchored by its quote and context.
CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER,
    doc_path TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    context_before TEXT NOT NULL DEFAULT '',
    context_after TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',    -- JSON list
    status TEXT NOT NULL DEFAULT 'anchored',  -- anchored / moved / orphaned
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX notes_doc ON notes(doc_id, span_start);
CREATE INDEX notes_path ON notes(doc_path);
