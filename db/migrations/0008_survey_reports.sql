-- 0008: a survey report kept in the report register remembers its survey and the
-- weighting it was tabulated with, so it can be redrafted from the survey's data.

ALTER TABLE reports ADD COLUMN survey_id TEXT;
ALTER TABLE reports ADD COLUMN survey_weight TEXT;
