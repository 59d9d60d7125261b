-- 0014: a draft remembers the figures it was made from (JSON: label -> number), so that
-- submitting, approving and signing can say when the data changed since drafting
-- (app.reports.figures_check). NULL for reports made before: nothing to compare.

ALTER TABLE reports ADD COLUMN drafted_figures TEXT;
