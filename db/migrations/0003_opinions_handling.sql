-- 0003: the handling loop for topics, meeting details for the minutes, local entry drafts.
-- Agencies are units of level 'agency' (0001); opinions.forwarded_to and topics.forwarded_to
-- hold an agency's unit code. Items already carry their handling columns (0001).

-- A whole topic can be forwarded to an agency like a single item (QĐ 238-QĐ/TW).
ALTER TABLE topics ADD COLUMN handling TEXT NOT NULL DEFAULT 'new';
ALTER TABLE topics ADD COLUMN forwarded_to TEXT;
ALTER TABLE topics ADD COLUMN forwarded_on TEXT;
ALTER TABLE topics ADD COLUMN due_on TEXT;
ALTER TABLE topics ADD COLUMN result TEXT;
ALTER TABLE topics ADD COLUMN resolved_on TEXT;
ALTER TABLE topics ADD COLUMN answered_on TEXT;

-- The minutes (BIÊN BẢN) name a secretary and the opening and closing times.
ALTER TABLE meetings ADD COLUMN secretary TEXT;
ALTER TABLE meetings ADD COLUMN start_time TEXT;   -- "08:00"
ALTER TABLE meetings ADD COLUMN end_time TEXT;     -- "11:00"

-- The "Quá hạn" view and the month's handling figures.
CREATE INDEX opinions_handling_due ON opinions(handling, due_on);
CREATE INDEX opinions_field_received ON opinions(field, received_on);
CREATE INDEX topics_handling_due ON topics(handling, due_on);
-- Covering index for the list's filters: counts and filtered pages over 200k items read this
-- narrow index instead of the wide encrypted rows (10x faster with SQLCipher's page cache).
CREATE INDEX opinions_filters ON opinions(received_on, field, tendency, area_code, topic_id, handling,
                                          collaborator_id, meeting_id);
-- opinions_received (0001) is a prefix of opinions_filters; left in place it lures the planner
-- into row lookups for "month + area" (150 ms instead of 5 ms on 200k items).
DROP INDEX opinions_received;

-- Drafts of the fast entry form, saved on every keystroke pause so a crash loses nothing.
-- Local to this PC: not synced, no origin/version.
CREATE TABLE entry_drafts (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,               -- JSON of the form's fields
    saved_at TEXT NOT NULL
);
