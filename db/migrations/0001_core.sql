-- 0001: the core of the store: units, office, settings, collaborators, meetings,
-- topics, opinion items (+ FTS), reports, users and the append-only audit log.
-- Synced tables carry id (UUIDv7), origin (unit code of the owning office), version, updated_at.

CREATE TABLE units (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'agency')),
    parent_code TEXT REFERENCES units(code),
    population INTEGER,
    origin TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_parent ON units(parent_code);

CREATE TABLE office (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    unit_code TEXT NOT NULL REFERENCES units(code),
    role TEXT NOT NULL CHECK (role IN ('district', 'province')),
    body_code TEXT NOT NULL,          -- issuing-body code in document numbers: BTGHU, BTGTU ...
    superior_name TEXT NOT NULL,      -- "HUYỆN ỦY PHONG ĐIỀN"
    body_name TEXT NOT NULL,          -- "BAN TUYÊN GIÁO"
    place_name TEXT NOT NULL,         -- "Phong Điền" for the date line
    signing_key_id TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL               -- JSON
);

CREATE TABLE collaborators (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    full_name TEXT NOT NULL,
    gender TEXT CHECK (gender IN ('male', 'female')),
    birth_year INTEGER,
    ethnicity TEXT,
    religion TEXT,
    party_member INTEGER NOT NULL DEFAULT 0,
    position TEXT,
    workplace TEXT,
    area_code TEXT REFERENCES units(code),
    sector TEXT,
    stratum TEXT,
    phone TEXT,
    email TEXT,
    zalo TEXT,
    decision_no TEXT,
    decision_date TEXT,
    joined_on TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
    left_on TEXT,
    left_reason TEXT,
    replaced_by TEXT REFERENCES collaborators(id),
    notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX collaborators_area ON collaborators(area_code);
CREATE INDEX collaborators_status ON collaborators(status);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'extraordinary')),
    held_on TEXT NOT NULL,
    place TEXT,
    chair TEXT,
    agenda TEXT,
    materials TEXT,
    minutes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_held_on ON meetings(held_on);

CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    collaborator_id TEXT NOT NULL REFERENCES collaborators(id),
    presence TEXT NOT NULL CHECK (presence IN ('present', 'absent', 'excused')),
    reason TEXT,
    PRIMARY KEY (meeting_id, collaborator_id)
);
CREATE INDEX attendance_collaborator ON meeting_attendance(collaborator_id);

CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    title TEXT NOT NULL,
    field TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'watch' CHECK (status IN ('watch', 'hot', 'closed')),
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE opinions (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    received_on TEXT NOT NULL,
    collaborator_id TEXT REFERENCES collaborators(id),
    meeting_id TEXT REFERENCES meetings(id),
    channel TEXT NOT NULL DEFAULT 'direct',
    area_code TEXT REFERENCES units(code),
    field TEXT NOT NULL,
    topic_id TEXT REFERENCES topics(id),
    summary TEXT NOT NULL,
    tendency TEXT NOT NULL,
    scale TEXT NOT NULL DEFAULT 'low',
    hotspot_risk TEXT NOT NULL DEFAULT 'none',
    proposal TEXT,
    handling TEXT NOT NULL DEFAULT 'new',
    forwarded_to TEXT,
    forwarded_on TEXT,
    due_on TEXT,
    result TEXT,
    resolved_on TEXT,
    answered_on TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX opinions_received ON opinions(received_on);
CREATE INDEX opinions_topic ON opinions(topic_id, received_on);
CREATE INDEX opinions_collaborator ON opinions(collaborator_id, received_on);
CREATE INDEX opinions_area ON opinions(area_code);
CREATE INDEX opinions_meeting ON opinions(meeting_id);

-- Folded full-text index: the tokenizer strips diacritics (remove_diacritics 2) but never
-- folds đ, so the triggers fold it; the query side folds it in app/text.py.
CREATE VIRTUAL TABLE opinions_fts USING fts5(
    body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER opinions_fts_ai AFTER INSERT ON opinions BEGIN
    INSERT INTO opinions_fts(rowid, body) VALUES (new.rowid,
        replace(replace(new.summary || ' ' || coalesce(new.proposal, '') || ' ' || coalesce(new.result, ''), 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER opinions_fts_ad AFTER DELETE ON opinions BEGIN
    DELETE FROM opinions_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER opinions_fts_au AFTER UPDATE OF summary, proposal, result ON opinions BEGIN
    DELETE FROM opinions_fts WHERE rowid = old.rowid;
    INSERT INTO opinions_fts(rowid, body) VALUES (new.rowid,
        replace(replace(new.summary || ' ' || coalesce(new.proposal, '') || ' ' || coalesce(new.result, ''), 'đ', 'd'), 'Đ', 'D'));
END;

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('monthly', 'quarterly', 'half_year', 'annual', 'adhoc', 'thematic', 'minutes', 'survey')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    number INTEGER,
    issued_on TEXT,
    due_on TEXT,
    title TEXT NOT NULL,
    sections TEXT NOT NULL DEFAULT '[]',     -- JSON
    recipients TEXT NOT NULL DEFAULT '[]',   -- JSON
    signer_name TEXT,
    signer_title TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'signed', 'sent')),
    pdf_sha256 TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX reports_period ON reports(kind, period_start);

CREATE TABLE report_files (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('docx', 'pdf', 'signed_pdf')),
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (report_id, kind)
);

CREATE TABLE users (
    name TEXT PRIMARY KEY,
    full_name TEXT,
    role TEXT NOT NULL CHECK (role IN ('staff', 'head', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT,
    row_id TEXT,
    detail TEXT                       -- JSON: short diff or note
);
CREATE INDEX audit_ts ON audit_log(ts);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
