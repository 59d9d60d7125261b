-- The consolidated province report counts each office's forwarded items still open after
-- their due date at the month's end. Without this partial index (forwarded items only,
-- covering the columns the count reads) that query read all ~300k items (0.5 s).
CREATE INDEX opinions_forwarded_due ON opinions(due_on, origin, resolved_on) WHERE forwarded_on IS NOT NULL;
