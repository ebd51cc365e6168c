-- Documents, their paragraphs and sentences, and the word index for search.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- source path as given at import (absolute)
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    region TEXT,
    publisher TEXT,
    published TEXT,                     -- ISO date, possibly partial (2021-11)
    year INTEGER,
    kind TEXT NOT NULL DEFAULT 'news',  -- news / plan / report
    metadata_edited INTEGER NOT NULL DEFAULT 0,  -- 1 once a reviewer corrected it
    text TEXT NOT NULL,
    chars INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);

CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text_hash TEXT,                     -- of the normalised text; NULL when too short to compare
    repeats INTEGER NOT NULL DEFAULT 1  -- paragraphs in the whole store with this text
);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, idx);
CREATE INDEX paragraphs_hash ON paragraphs(text_hash);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: rowid of the word index
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    paragraph_idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc_id, span_start);

-- jieba words of each sentence (search mode, so 株洲市 also yields 株洲), space separated.
-- Contentless: the text lives in documents. Rows of replaced sentences are left behind and
-- ignored by joining on sentences. detail=none: the search only needs which sentences hold
-- all the words, then checks the query text itself, so word positions are not stored.
CREATE VIRTUAL TABLE sentences_fts USING fts5(words, content='', detail=none, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE import_failures (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
