-- 0007: trust (issue 8): sign-in bookkeeping on users, and indexes for the audit viewer.
-- The audit log itself (append-only, guarded by triggers) is created in 0001.

ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN last_login_at TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

CREATE INDEX audit_user ON audit_log(user, seq);
CREATE INDEX audit_table ON audit_log(table_name, seq);
CREATE INDEX audit_action ON audit_log(action, seq);
