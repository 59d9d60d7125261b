-- The overview's early warning at province scale (issue 15): it counts the last 14 days'
-- items marked high hot-spot risk per topic; hotspot_risk is in no other index, so without
-- this small partial index every item of the window was read from the table.
CREATE INDEX opinions_high_risk ON opinions(received_on, topic_id) WHERE hotspot_risk = 'high';

-- Items per month and field, for the overview's 12-month chart: counting them from opinions
-- reads every item (~300k at a province, over 300 ms at each open). Kept by triggers, so
-- every write path (records.py, the package importer's upsert and deletions) keeps it exact.
CREATE TABLE opinion_month_counts (
    month TEXT NOT NULL,
    field TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (month, field)
) WITHOUT ROWID;
INSERT INTO opinion_month_counts (month, field, n)
    SELECT substr(received_on, 1, 7), field, count(*) FROM opinions GROUP BY 1, 2;
CREATE TRIGGER opinion_month_counts_insert AFTER INSERT ON opinions BEGIN
    INSERT INTO opinion_month_counts (month, field, n) VALUES (substr(NEW.received_on, 1, 7), NEW.field, 1)
        ON CONFLICT (month, field) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER opinion_month_counts_delete AFTER DELETE ON opinions BEGIN
    UPDATE opinion_month_counts SET n = n - 1 WHERE month = substr(OLD.received_on, 1, 7) AND field = OLD.field;
END;
CREATE TRIGGER opinion_month_counts_update AFTER UPDATE OF received_on, field ON opinions
WHEN substr(OLD.received_on, 1, 7) IS NOT substr(NEW.received_on, 1, 7) OR OLD.field IS NOT NEW.field BEGIN
    UPDATE opinion_month_counts SET n = n - 1 WHERE month = substr(OLD.received_on, 1, 7) AND field = OLD.field;
    INSERT INTO opinion_month_counts (month, field, n) VALUES (substr(NEW.received_on, 1, 7), NEW.field, 1)
        ON CONFLICT (month, field) DO UPDATE SET n = n + 1;
END;
