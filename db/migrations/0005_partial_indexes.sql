-- Index only the rows the queries can find: a series never shows a figure without an
-- indicator, and paragraphs too short to compare have no fingerprint.
DROP INDEX figures_series;
CREATE INDEX figures_series ON figures(indicator, region, year) WHERE indicator IS NOT NULL;
DROP INDEX paragraphs_hash;
CREATE INDEX paragraphs_hash ON paragraphs(text_hash) WHERE text_hash IS NOT NULL;
