-- Province at today's scale (issue 15): a province holds a year of items from up to 168
-- communes. Its pages count and list items per sending office (origin) and month; without
-- this index each such query read every item (seconds at 300k items).
CREATE INDEX opinions_origin ON opinions(origin, received_on);
