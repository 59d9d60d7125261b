-- 0013: electronic forms (issue 24). All three tables are this PC's own (no origin/version):
-- they never travel in exchange packages and no foreign key cascades from a synced table.
--
-- A collaborator's personal form carries a random token inside its sealed responses; only
-- its SHA-256 is kept here, so the store cannot re-issue it and a leaked backup cannot forge
-- one. Revoking (the collaborator left, or a form went astray) sets revoked_at.
CREATE TABLE form_tokens (
    token_sha256 TEXT PRIMARY KEY,
    collaborator_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX form_tokens_collaborator ON form_tokens(collaborator_id);

-- One row per imported response (the SHA-256 of its decrypted payload, which holds a random
-- id drawn in the browser): a replayed file or the same response pasted again is a no-op.
CREATE TABLE form_receipts (
    payload_sha256 TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('survey', 'report')),
    survey_id TEXT,
    collaborator_id TEXT,
    channel TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Collaborators' items as they arrive, before the clerk's review: they count (become opinions)
-- only when accepted, after the privacy check and the topic suggestion have run.
CREATE TABLE opinion_inbox (
    id TEXT PRIMARY KEY,
    receipt_sha256 TEXT NOT NULL,
    collaborator_id TEXT NOT NULL,
    received_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    summary TEXT NOT NULL,
    field TEXT NOT NULL,
    tendency TEXT NOT NULL,
    area_code TEXT,
    scale TEXT NOT NULL,
    proposal TEXT,
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'accepted', 'rejected')),
    opinion_id TEXT,
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX opinion_inbox_status ON opinion_inbox(status, received_on);
