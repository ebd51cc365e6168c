-- A reviewer's corrections of figures: stored apart from the machine's output, anchored by the
-- figure's text and a little context like notes (doc_path kept, no foreign key), so that they
-- outlive re-importing and re-analysing the document and are applied again afterwards.
--   changes   JSON object: field -> the reviewer's value (indicator, region, year, period,
--             period_start, period_end, role, value, value_high, unit, excluded)
--   machine   JSON object: the same fields as the analysis last gave them (what undo restores)
--   status    applied / moved (found again elsewhere in a changed text) / orphaned (the figure
--             is gone from its document: listed, never dropped)
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER,
    doc_path TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    context_before TEXT NOT NULL DEFAULT '',
    context_after TEXT NOT NULL DEFAULT '',
    changes TEXT NOT NULL,
    machine TEXT NOT NULL DEFAULT '{}',
    author TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'applied',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX corrections_doc ON corrections(doc_id, span_start);
CREATE INDEX corrections_path ON corrections(doc_path);

-- Who gave a figure its attribution: 'machine' (the analysis) or 'reviewer' (a correction);
-- excluded 1: the reviewer said it is not a data point (a phone number, 二期, 第一梯队): it has
-- no indicator or place, so no series, check or series export takes it.
ALTER TABLE figures ADD COLUMN source TEXT NOT NULL DEFAULT 'machine';
ALTER TABLE figures ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
