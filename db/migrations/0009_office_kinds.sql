-- 0009: office kinds (the 2025 two-level structure) and typed areas.
-- office.kind: commune | agency | district | province. Offices made before this release
-- were districts or provinces and keep working as such. office.role stays the exchange side
-- ('district' = any lower office, 'province' = the upper one) so old identity cards still match.
-- units gains the levels 'hamlet' (thôn, ấp, bản, tổ dân phố, khu phố: a commune's areas) and
-- 'member' (an agency committee's member organisations), and area_type (the typed kind of a
-- hamlet). SQLite cannot alter a CHECK, so units is rebuilt (migrate.py runs this with
-- foreign keys off and checks them before committing).

ALTER TABLE office ADD COLUMN kind TEXT NOT NULL DEFAULT 'district'
    CHECK (kind IN ('commune', 'agency', 'district', 'province'));
UPDATE office SET kind = 'province' WHERE role = 'province';
ALTER TABLE office ADD COLUMN official_code TEXT;   -- code in the official 2025 list (NULL for legacy districts)
ALTER TABLE office ADD COLUMN province_name TEXT NOT NULL DEFAULT '';

ALTER TABLE peers ADD COLUMN kind TEXT NOT NULL DEFAULT 'district'
    CHECK (kind IN ('commune', 'agency', 'district', 'province'));
UPDATE peers SET kind = 'province' WHERE role = 'province';

CREATE TABLE units_new (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'agency', 'hamlet', 'member')),
    parent_code TEXT REFERENCES units(code),
    population INTEGER,
    origin TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT '',
    area_type TEXT
);
INSERT INTO units_new (code, name, level, parent_code, population, origin, version, updated_at)
    SELECT code, name, level, parent_code, population, origin, version, updated_at FROM units;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
CREATE INDEX units_parent ON units(parent_code);
CREATE INDEX units_level ON units(level);
