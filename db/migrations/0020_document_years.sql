-- Each document's year, apart from its row, kept by triggers: a chart's marker stands for its
-- latest report (by the document's year), and reading the year from the documents rows for each
-- of the 8,000-10,000 figures of a series cost 3 ms at 10,000 reports; this narrow table sits
-- in a few pages. A migration that rebuilds documents must create these triggers again.
CREATE TABLE document_years (
    id INTEGER PRIMARY KEY,  -- documents.id
    year INTEGER
);
INSERT INTO document_years (id, year) SELECT id, year FROM documents;

CREATE TRIGGER document_years_on_insert AFTER INSERT ON documents BEGIN
    INSERT OR REPLACE INTO document_years (id, year) VALUES (new.id, new.year);
END;
CREATE TRIGGER document_years_on_update AFTER UPDATE OF id, year ON documents BEGIN
    DELETE FROM document_years WHERE id = old.id;
    INSERT OR REPLACE INTO document_years (id, year) VALUES (new.id, new.year);
END;
CREATE TRIGGER document_years_on_delete AFTER DELETE ON documents BEGIN
    DELETE FROM document_years WHERE id = old.id;
END;
