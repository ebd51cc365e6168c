-- Figures found in the text, with their attribution, and the indicator lexicon.
CREATE TABLE indicators (
    name TEXT PRIMARY KEY,
    unit_kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list
    parent TEXT                            -- for sub-indicators
);

CREATE TABLE figures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    value_high REAL,
    unit TEXT NOT NULL,
    unit_text TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    qualifier TEXT NOT NULL DEFAULT '',
    year INTEGER,
    period TEXT NOT NULL DEFAULT '',
    period_start INTEGER,
    period_end INTEGER,
    indicator TEXT,
    region TEXT,
    role TEXT NOT NULL DEFAULT 'actual',
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    confidence REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX figures_doc ON figures(doc_id, span_start);
CREATE INDEX figures_series ON figures(indicator, region, year);
