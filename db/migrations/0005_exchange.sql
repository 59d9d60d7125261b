-- 0005: exchange between offices (issue 6): this office's keys, enrolled peers, packages
-- sent (outbox) and received (inbox), guidance received from the province, and the
-- arrival dates of districts' reports (timeliness at the province).
-- None of these tables is synced: they describe this PC's side of the exchange.

-- Private keys live only here, inside the SQLCipher-encrypted database.
CREATE TABLE office_keys (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    sign_key_id BLOB NOT NULL,          -- 8 bytes, minisign key id
    sign_seed BLOB NOT NULL,            -- 32-byte Ed25519 seed (secret)
    age_identity TEXT NOT NULL,         -- AGE-SECRET-KEY-1... (secret)
    age_recipient TEXT NOT NULL,        -- age1... (public)
    created_at TEXT NOT NULL
);

CREATE TABLE peers (
    unit_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('district', 'province')),
    sign_public_key TEXT NOT NULL,      -- minisign public key file text
    age_recipient TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_on TEXT NOT NULL,
    enrolled_by TEXT NOT NULL
);

CREATE TABLE outbox (
    recipient TEXT NOT NULL REFERENCES peers(unit_code),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('data', 'guidance')),
    created_at TEXT NOT NULL,
    watermark TEXT NOT NULL,            -- rows with updated_at <= watermark are inside
    since TEXT,                         -- lower bound used for this package ('' = everything)
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows TEXT NOT NULL DEFAULT '{}',    -- JSON {table: count}
    acked_on TEXT,
    PRIMARY KEY (recipient, seq)
);

CREATE TABLE inbox (
    sender TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,           -- when the sender built it
    imported_on TEXT NOT NULL,
    rows TEXT NOT NULL DEFAULT '{}',    -- JSON {table: rows applied}
    receipt_file TEXT,
    receipt BLOB,                       -- the signed receipt, to write again on request
    PRIMARY KEY (sender, seq)
);

-- Guidance from the province (watch topics, orientation notes), shown on the Overview.
CREATE TABLE guidance (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'watch_topic')),
    title TEXT NOT NULL,
    body TEXT,
    field TEXT,
    issued_on TEXT NOT NULL,
    valid_until TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- First arrival of each district report at the province (timeliness: by the 20th or late).
CREATE TABLE report_arrivals (
    report_id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    period_start TEXT NOT NULL,
    received_on TEXT NOT NULL,
    package_seq INTEGER NOT NULL
);
CREATE INDEX report_arrivals_origin ON report_arrivals(origin, period_start);
