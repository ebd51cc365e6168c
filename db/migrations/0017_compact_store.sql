-- A smaller store (issue 16: the store of 2,000 reports was 4.5 times their text).
--
-- The word index goes: search has read the character index (`document_chars`) and the texts
-- since migration 9, and the word index was written at every import and never read. It could not
-- serve search anyway: a query of two characters (市科, across 株洲市|科技局) is in no word, and a
-- trigram index needs three characters.
DROP TABLE sentences_fts;

-- Sentences and paragraphs are keyed by (document, position) without a rowid: their ids were
-- only the word index's rowids, and the index on (doc_id, ...) repeated every key.
ALTER TABLE sentences RENAME TO sentences_old;
DROP INDEX sentences_doc;
CREATE TABLE sentences (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    paragraph_idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
INSERT INTO sentences (doc_id, idx, paragraph_idx, span_start, span_end)
    SELECT doc_id, idx, paragraph_idx, span_start, span_end FROM sentences_old ORDER BY doc_id, idx;
DROP TABLE sentences_old;

ALTER TABLE paragraphs RENAME TO paragraphs_old;
DROP INDEX paragraphs_doc;
DROP INDEX paragraphs_hash;
CREATE TABLE paragraphs (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text_hash TEXT,                     -- of the normalised text; NULL when too short to compare
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
INSERT INTO paragraphs (doc_id, idx, span_start, span_end, text_hash)
    SELECT doc_id, idx, span_start, span_end, text_hash FROM paragraphs_old ORDER BY doc_id, idx;
DROP TABLE paragraphs_old;
CREATE INDEX paragraphs_hash ON paragraphs(text_hash) WHERE text_hash IS NOT NULL;

-- Mention spans as plain text, "start+length" in order, space separated: "53+27 87+8" for the
-- spans [53, 80) and [87, 95) (code points), a third of the JSON "[[53, 80], [87, 95]]". The
-- `mentions` view still shows one row per mention.
DROP VIEW mentions;
ALTER TABLE entity_spans RENAME TO entity_spans_old;
DROP INDEX entity_spans_entity;
CREATE TABLE entity_spans (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    spans TEXT NOT NULL,                -- "start+length start+length ...", by start
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
INSERT INTO entity_spans (doc_id, entity_id, mentions, spans)
    SELECT o.doc_id, o.entity_id, o.mentions,
           (SELECT group_concat(json_extract(j.value, '$[0]') || '+'
                                || (json_extract(j.value, '$[1]') - json_extract(j.value, '$[0]')), ' ')
            FROM json_each(o.spans) j)
    FROM entity_spans_old o ORDER BY o.doc_id, o.entity_id;
DROP TABLE entity_spans_old;
CREATE INDEX entity_spans_entity ON entity_spans(entity_id);
CREATE VIEW mentions AS
    WITH RECURSIVE each_span (doc_id, entity_id, span, rest) AS (
        SELECT doc_id, entity_id, '', spans || ' ' FROM entity_spans
        UNION ALL
        SELECT doc_id, entity_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
        FROM each_span WHERE rest <> ''
    )
    SELECT doc_id, entity_id,
           CAST(substr(span, 1, instr(span, '+') - 1) AS INTEGER) AS span_start,
           CAST(substr(span, 1, instr(span, '+') - 1) AS INTEGER)
               + CAST(substr(span, instr(span, '+') + 1) AS INTEGER) AS span_end
    FROM each_span WHERE span <> '';

-- Evidence keyed by (finding, position) without a rowid: its id was never read, and the index on
-- (check_id, idx) repeated every key.
ALTER TABLE check_evidence RENAME TO check_evidence_old;
DROP INDEX check_evidence_check;
DROP INDEX check_evidence_figure;
DROP INDEX check_evidence_doc;
CREATE TABLE check_evidence (
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
    year INTEGER,
    PRIMARY KEY (check_id, idx)
) WITHOUT ROWID;
INSERT INTO check_evidence (check_id, idx, label, doc_id, span_start, span_end, text, sentence_start,
                            sentence_end, figure_id, value, unit, year)
    SELECT check_id, idx, label, doc_id, span_start, span_end, text, sentence_start, sentence_end,
           figure_id, value, unit, year
    FROM check_evidence_old ORDER BY check_id, idx;
DROP TABLE check_evidence_old;
CREATE INDEX check_evidence_figure ON check_evidence(figure_id);
CREATE INDEX check_evidence_doc ON check_evidence(doc_id, check_id);
