-- Mentions are kept as one row per document and entity, with the spans as a JSON list of
-- [start, end] (code points): a 20 KB report mentions about 250 places, organisations and
-- programmes but only about 40 distinct ones, and a row per mention with two indexes made
-- mentions the largest derived table. The `mentions` view shows one row per mention, as before,
-- for reading the store in sqlite3 or Datasette.
CREATE TABLE entity_spans (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_spans_entity ON entity_spans(entity_id);
INSERT INTO entity_spans (doc_id, entity_id, mentions, spans)
    SELECT doc_id, entity_id, count(*), json_group_array(json_array(span_start, span_end))
    FROM (SELECT doc_id, entity_id, span_start, span_end FROM mentions ORDER BY doc_id, entity_id, span_start)
    GROUP BY doc_id, entity_id;
DROP TABLE mentions;
CREATE VIEW mentions AS
    SELECT s.doc_id, s.entity_id, json_extract(j.value, '$[0]') AS span_start,
           json_extract(j.value, '$[1]') AS span_end
    FROM entity_spans s, json_each(s.spans) j;
