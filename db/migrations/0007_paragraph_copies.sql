-- How many paragraphs in the store share a text, kept per text instead of on every paragraph:
-- a paragraph pasted into hundreds of reports made each import rewrite all its copies.
CREATE TABLE paragraph_copies (
    text_hash TEXT PRIMARY KEY,
    copies INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO paragraph_copies (text_hash, copies)
    SELECT text_hash, count(*) FROM paragraphs WHERE text_hash IS NOT NULL GROUP BY text_hash;
ALTER TABLE paragraphs DROP COLUMN repeats;
