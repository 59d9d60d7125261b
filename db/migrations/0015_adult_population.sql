-- 0015: the number of people aged 18 and over in an area, the frame a survey samples from
-- (units.population counts children too). NULL where the office has not entered it.

ALTER TABLE units ADD COLUMN adults INTEGER;
