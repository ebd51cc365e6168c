-- Smaller findings and paragraph fingerprints, and a cheaper replacement of every finding
-- (issue #16; measured on 2,000 synthetic reports, in shares of the text's size):
-- - a finding's scope is a number naming a row of check_scopes, not its text (0.062 of the
--   text in the column, 0.084 in its index: 12,000 scopes for 62,000 findings);
-- - a paragraph's fingerprint is a 64-bit integer, not 20 hexadecimal characters (0.046 in the
--   column, about as much in its index): the first 8 bytes of the same SHA-1 digest, read as a
--   signed big-endian integer (viewer/text/repeats.py), so paragraphs that shared a fingerprint
--   still share one, and only they (unless two texts' digests differ only after their first 8
--   bytes: a chance of about 3 in 10^8 among a million distinct paragraph texts);
-- - check_evidence loses its foreign key to checks (ON DELETE CASCADE): deleting every finding
--   looked up each finding's evidence row by row (3.8 s at 10,000 reports, 0.4 s without).
--   The writer of findings (viewer/store/checks.py) deletes a finding's evidence with it;
-- - the time a finding was computed is kept once per run of the checks, in check_runs, not with
--   each finding (0.037: every finding of a full run repeated the same 25 characters).

-- The old fingerprints (hexadecimal text) and their integers, for the tables below. The program
-- only ever wrote hexadecimal digits; anything else would lose its fingerprint (as a paragraph too
-- short to compare) rather than stop the upgrade.
CREATE TEMP TABLE paragraph_hash_values (
    hex TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO temp.paragraph_hash_values (hex, value)
    SELECT hex,
        (instr('0123456789abcdef', substr(hex, 1, 1)) - 1 - 16 * (substr(hex, 1, 1) >= '8')) * 1152921504606846976
        + (instr('0123456789abcdef', substr(hex, 2, 1)) - 1) * 72057594037927936
        + (instr('0123456789abcdef', substr(hex, 3, 1)) - 1) * 4503599627370496
        + (instr('0123456789abcdef', substr(hex, 4, 1)) - 1) * 281474976710656
        + (instr('0123456789abcdef', substr(hex, 5, 1)) - 1) * 17592186044416
        + (instr('0123456789abcdef', substr(hex, 6, 1)) - 1) * 1099511627776
        + (instr('0123456789abcdef', substr(hex, 7, 1)) - 1) * 68719476736
        + (instr('0123456789abcdef', substr(hex, 8, 1)) - 1) * 4294967296
        + (instr('0123456789abcdef', substr(hex, 9, 1)) - 1) * 268435456
        + (instr('0123456789abcdef', substr(hex, 10, 1)) - 1) * 16777216
        + (instr('0123456789abcdef', substr(hex, 11, 1)) - 1) * 1048576
        + (instr('0123456789abcdef', substr(hex, 12, 1)) - 1) * 65536
        + (instr('0123456789abcdef', substr(hex, 13, 1)) - 1) * 4096
        + (instr('0123456789abcdef', substr(hex, 14, 1)) - 1) * 256
        + (instr('0123456789abcdef', substr(hex, 15, 1)) - 1) * 16
        + (instr('0123456789abcdef', substr(hex, 16, 1)) - 1)
    FROM (SELECT text_hash AS hex FROM paragraphs WHERE text_hash IS NOT NULL
          UNION SELECT text_hash FROM paragraph_copies
          UNION SELECT substr(scope, 11) FROM checks WHERE substr(scope, 1, 10) = 'paragraph:')
    WHERE length(hex) >= 16 AND substr(hex, 1, 16) NOT GLOB '*[^0-9a-f]*';

ALTER TABLE paragraphs RENAME TO paragraphs_old;
DROP INDEX paragraphs_hash;
CREATE TABLE paragraphs (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text_hash INTEGER,                  -- of the normalised text; NULL when too short to compare
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
INSERT INTO paragraphs (doc_id, idx, span_start, span_end, text_hash)
    SELECT p.doc_id, p.idx, p.span_start, p.span_end, h.value
    FROM paragraphs_old p LEFT JOIN temp.paragraph_hash_values h ON h.hex = p.text_hash ORDER BY p.doc_id, p.idx;
DROP TABLE paragraphs_old;
CREATE INDEX paragraphs_hash ON paragraphs(text_hash) WHERE text_hash IS NOT NULL;

-- Only the texts of more than one paragraph (migration 19); the fingerprint is the row's key.
ALTER TABLE paragraph_copies RENAME TO paragraph_copies_old;
CREATE TABLE paragraph_copies (
    text_hash INTEGER PRIMARY KEY,
    copies INTEGER NOT NULL
);
INSERT INTO paragraph_copies (text_hash, copies)
    SELECT h.value, c.copies FROM paragraph_copies_old c JOIN temp.paragraph_hash_values h ON h.hex = c.text_hash
    ORDER BY h.value;
DROP TABLE paragraph_copies_old;

-- The evidence, as before without the foreign key.
ALTER TABLE check_evidence RENAME TO check_evidence_old;
DROP INDEX check_evidence_figure;
DROP INDEX check_evidence_doc;
CREATE TABLE check_evidence (
    check_id INTEGER NOT NULL,          -- checks.id (no foreign key: the writer deletes a finding's evidence)
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

-- The scopes findings are recomputed in (migration 6: doc:<id>, series:<indicator>\t<region>,
-- paragraph:<fingerprint>, now the integer in decimal; '' for findings from before scopes). A
-- scope no finding has any more loses its row.
CREATE TABLE check_scopes (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL UNIQUE
);
CREATE TEMP TABLE scope_names (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO temp.scope_names (old, new)
    SELECT s.scope, coalesce('paragraph:' || h.value, s.scope)
    FROM (SELECT DISTINCT scope FROM checks) s
    LEFT JOIN temp.paragraph_hash_values h ON substr(s.scope, 1, 10) = 'paragraph:' AND h.hex = substr(s.scope, 11);
INSERT INTO check_scopes (scope) SELECT DISTINCT new FROM temp.scope_names ORDER BY new;

-- The runs of the checks that computed the stored findings, with how many of them each computed
-- (a run whose findings have all been replaced since loses its row).
CREATE TABLE check_runs (
    id INTEGER PRIMARY KEY,
    checked_at TEXT NOT NULL,           -- UTC, ISO 8601, to the second
    findings INTEGER NOT NULL
);
INSERT INTO check_runs (checked_at, findings)
    SELECT checked_at, count(*) FROM checks GROUP BY checked_at ORDER BY checked_at;
CREATE TEMP TABLE run_ids (
    checked_at TEXT PRIMARY KEY,
    id INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO temp.run_ids (checked_at, id) SELECT checked_at, id FROM check_runs;

ALTER TABLE checks RENAME TO checks_old;
DROP INDEX checks_kind;
DROP INDEX checks_scope;
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
    run_id INTEGER NOT NULL,            -- check_runs.id: when it was computed
    scope_id INTEGER NOT NULL           -- check_scopes.id
);                                      -- (no foreign keys: a full run empties the three tables at once)
INSERT INTO checks (id, kind, verdict, pattern, message, message_en, stated, computed, unit, doc_id, span_start,
                    span_end, run_id, scope_id)
    SELECT c.id, c.kind, c.verdict, c.pattern, c.message, c.message_en, c.stated, c.computed, c.unit, c.doc_id,
           c.span_start, c.span_end, r.id, s.id
    FROM checks_old c JOIN temp.run_ids r ON r.checked_at = c.checked_at
    JOIN temp.scope_names n ON n.old = c.scope JOIN check_scopes s ON s.scope = n.new
    ORDER BY c.id;
DROP TABLE checks_old;
CREATE INDEX checks_kind ON checks(kind, verdict);
CREATE INDEX checks_scope ON checks(scope_id);

DROP TABLE temp.run_ids;
DROP TABLE temp.scope_names;
DROP TABLE temp.paragraph_hash_values;
