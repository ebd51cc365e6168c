-- Entities (canonical) and their mentions; merges a reviewer makes survive re-imports.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,       -- place / org / person / policy / programme / indicator
    code TEXT,                -- administrative division code for places
    aliases TEXT NOT NULL DEFAULT '[]',
    UNIQUE (name, type)
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, span_start);
CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);

-- A reviewer's merge: mentions of `alias` (of `type`) belong to `canonical`.
CREATE TABLE entity_merges (
    alias TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    PRIMARY KEY (alias, type)
);
