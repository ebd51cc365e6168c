-- Which characters, pairs of adjacent characters, and triples holding an ASCII digit each
-- document's sentences contain, so that a search the word index cannot answer (text in no
-- document at all, 12 inside 312, or 市科 across 株洲市|科技局, which is in no index word) reads
-- only the documents that hold every pair (and digit triple) of the query, not every document.
-- Characters alone do not narrow enough: every report holds 量, 子, 测 but few hold 子测. Digit
-- pairs are in every report (34, 94), triples like .94 are not; all triples would triple the size.
-- One row per document, rowid = documents.id, written as hexadecimal code points ("u682a",
-- "u682au6d32"). ASCII tokens are exact: no case folding, no gaps where the tokenizer's Unicode
-- tables are older than the text, and punctuation counts. Contentless and detail=none: only
-- which documents hold a token is stored. A replaced document (same id) leaves its old postings
-- behind; they only add candidates, which the substring check then rejects.
CREATE VIRTUAL TABLE document_chars USING fts5(grams, content='', detail=none, columnsize=0, tokenize='ascii');

-- Documents whose characters are not indexed (yet): the search reads all of them, as before.
-- The triggers put every new or changed document here until the writer indexes it. Documents
-- stored before this migration are indexed later, in Python (index_pending_document_chars):
-- splitting the texts in SQL takes over 15 minutes per thousand reports.
CREATE TABLE document_chars_pending (doc_id INTEGER PRIMARY KEY);
INSERT INTO document_chars_pending (doc_id) SELECT id FROM documents;

CREATE TRIGGER document_chars_on_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO document_chars_pending (doc_id) VALUES (new.id);
END;
CREATE TRIGGER document_chars_on_update AFTER UPDATE OF text ON documents BEGIN
    INSERT OR IGNORE INTO document_chars_pending (doc_id) VALUES (new.id);
END;
CREATE TRIGGER document_chars_on_delete AFTER DELETE ON documents BEGIN
    DELETE FROM document_chars_pending WHERE doc_id = old.id;
END;
