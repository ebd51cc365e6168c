-- Checks at scale: every finding names the scope it is recomputed in (a document, an indicator
-- series or a paragraph text), so that an import recomputes only the findings it can change.
--   doc:<id>                    findings that read one document only
--   series:<indicator>\t<region> findings that read every document's figures of one series
--   paragraph:<text hash>       a paragraph that occurs more than once
-- Findings stored before this migration have the scope '' and are replaced by the next full run.
ALTER TABLE checks ADD COLUMN scope TEXT NOT NULL DEFAULT '';
CREATE INDEX checks_scope ON checks(scope);
