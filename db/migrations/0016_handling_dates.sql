-- The monthly report's handling figures, read again at each opening of a report by the check
-- of its figures, count the items resolved and answered in the period: without an index each
-- count read the whole opinions table (190 ms at 200,000 items). Few items carry these dates,
-- so the indexes are partial.
CREATE INDEX opinions_resolved_on ON opinions(resolved_on) WHERE resolved_on IS NOT NULL;
CREATE INDEX opinions_answered_on ON opinions(answered_on) WHERE answered_on IS NOT NULL;
