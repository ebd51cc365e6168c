-- How many figures each indicator has per role, unit, kind and whether a value was read, kept by
-- triggers: the window's first chart lists the indicators by their figures (a scan of the whole
-- figures_series index, 680,000 entries, 55 ms at 10,000 reports) and picks the unit of the first
-- (its 58,000 figures with a table lookup each for `kind`, 60 ms), both on the UI thread; the
-- table holds a few hundred rows and answers both in a fraction of a millisecond. Figures without
-- an indicator are not counted. A group whose figures are all gone loses its row.
-- A later migration that rebuilds figures must create these triggers again.
CREATE TABLE indicator_unit_counts (
    indicator TEXT NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    valued INTEGER NOT NULL,  -- 1: figures with a value, 0: without
    figures INTEGER NOT NULL,
    PRIMARY KEY (indicator, role, unit, kind, valued)
) WITHOUT ROWID;
INSERT INTO indicator_unit_counts (indicator, role, unit, kind, valued, figures)
    SELECT indicator, role, unit, kind, value IS NOT NULL, count(*) FROM figures
    WHERE indicator IS NOT NULL GROUP BY indicator, role, unit, kind, value IS NOT NULL;

CREATE TRIGGER indicator_unit_counts_on_insert AFTER INSERT ON figures
WHEN new.indicator IS NOT NULL BEGIN
    INSERT INTO indicator_unit_counts (indicator, role, unit, kind, valued, figures)
        VALUES (new.indicator, new.role, new.unit, new.kind, new.value IS NOT NULL, 1)
        ON CONFLICT (indicator, role, unit, kind, valued) DO UPDATE SET figures = figures + 1;
END;
CREATE TRIGGER indicator_unit_counts_on_delete AFTER DELETE ON figures
WHEN old.indicator IS NOT NULL BEGIN
    UPDATE indicator_unit_counts SET figures = figures - 1 WHERE indicator = old.indicator AND role = old.role
        AND unit = old.unit AND kind = old.kind AND valued = (old.value IS NOT NULL);
    DELETE FROM indicator_unit_counts WHERE indicator = old.indicator AND role = old.role AND unit = old.unit
        AND kind = old.kind AND valued = (old.value IS NOT NULL) AND figures <= 0;
END;
CREATE TRIGGER indicator_unit_counts_on_update AFTER UPDATE OF indicator, role, unit, kind, value ON figures
WHEN old.indicator IS NOT new.indicator OR old.role IS NOT new.role OR old.unit IS NOT new.unit
    OR old.kind IS NOT new.kind OR (old.value IS NULL) IS NOT (new.value IS NULL) BEGIN
    UPDATE indicator_unit_counts SET figures = figures - 1 WHERE indicator = old.indicator AND role = old.role
        AND unit = old.unit AND kind = old.kind AND valued = (old.value IS NOT NULL);
    DELETE FROM indicator_unit_counts WHERE indicator = old.indicator AND role = old.role AND unit = old.unit
        AND kind = old.kind AND valued = (old.value IS NOT NULL) AND figures <= 0;
    INSERT INTO indicator_unit_counts (indicator, role, unit, kind, valued, figures)
        SELECT new.indicator, new.role, new.unit, new.kind, new.value IS NOT NULL, 1 WHERE new.indicator IS NOT NULL
        ON CONFLICT (indicator, role, unit, kind, valued) DO UPDATE SET figures = figures + 1;
END;
