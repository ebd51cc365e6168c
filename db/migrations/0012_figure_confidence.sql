-- How each figure's indicator, place and period were found: the confidence the reviewer sees
-- (the document pane marks a weak figure, the chart draws it hollow, the exports list it).
--   provisional    1: the indicator is a phrase of the text, not a taxonomy entry
--   indicator_how  alias | level | ratio | list | inherited | provisional | ''
--   region_how     clause | sentence | section | document | guessed | ''
--   period_how     clause | sentence | heading | running | target | fallback | ''
--   modality       actual | estimate | target: whatever the role measures
-- Figures stored before this migration say '' (not recorded): they count as weak until their
-- document is analysed again, which the next import of its file does (see below).
ALTER TABLE figures ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE figures ADD COLUMN indicator_how TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN region_how TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN period_how TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN modality TEXT NOT NULL DEFAULT 'actual';
UPDATE figures SET modality = role WHERE role IN ('target', 'estimate');

-- Which version of the analysis (viewer.text.analysis.ANALYSIS_VERSION) produced a document's
-- figures, mentions and sentences. An import re-analyses an unchanged file whose version is
-- older. Documents stored before this migration were analysed by version 1.
ALTER TABLE documents ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 1;

-- The chart's spot query (store.figures.series_spots) still reads only figures_series (0011):
-- what marks a point as weak is read with the point's own row, by id.
