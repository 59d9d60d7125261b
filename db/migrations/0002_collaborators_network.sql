-- 0002: the collaborator network around the registry of 0001: training sessions and who
-- attended, commendations, and proposals to replace an inactive collaborator.
-- Synced tables carry id (UUIDv7), origin, version, updated_at. Attendance rows travel with
-- their training (its version is bumped when they change), like meeting_attendance.
-- Coverage targets are settings (key 'coverage_targets', JSON), defaults in app/collaborators/coverage.py.

CREATE TABLE trainings (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    place TEXT,
    organiser TEXT,
    notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX trainings_held_on ON trainings(held_on);

CREATE TABLE training_attendance (
    training_id TEXT NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    collaborator_id TEXT NOT NULL REFERENCES collaborators(id),
    PRIMARY KEY (training_id, collaborator_id)
);
CREATE INDEX training_attendance_collaborator ON training_attendance(collaborator_id);

CREATE TABLE commendations (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    collaborator_id TEXT NOT NULL REFERENCES collaborators(id),
    awarded_on TEXT NOT NULL,
    level TEXT NOT NULL,
    reason TEXT NOT NULL,
    decision_no TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX commendations_collaborator ON commendations(collaborator_id, awarded_on);

CREATE TABLE replacement_proposals (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    collaborator_id TEXT NOT NULL REFERENCES collaborators(id),
    proposed_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    replacement_id TEXT REFERENCES collaborators(id),
    closed_on TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX replacement_proposals_collaborator ON replacement_proposals(collaborator_id, status);
