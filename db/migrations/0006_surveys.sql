-- 0006: opinion surveys (issue 7): a questionnaire (questions, options), a sample plan
-- (population and quota per cell), anonymous responses and their answers, and the second
-- keying of forms for the double-entry check.
-- Responses are anonymous by design: stratum, area, age band and gender only; there is no
-- column for a name, a phone number or an address, and none may be added.
-- Synced tables carry id (UUIDv7), origin, version, updated_at.

CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT,
    method TEXT NOT NULL DEFAULT 'paper' CHECK (method IN ('paper', 'phone', 'online', 'email', 'mixed')),
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    topic_id TEXT REFERENCES topics(id),
    notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE survey_questions (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'likert', 'number', 'text')),
    required INTEGER NOT NULL DEFAULT 1,
    skip_question_id TEXT REFERENCES survey_questions(id),  -- ask only if that question ...
    skip_option_no INTEGER,                                 -- ... was answered with this option
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_questions_survey ON survey_questions(survey_id, no);

CREATE TABLE survey_options (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    question_id TEXT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    label TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_options_question ON survey_options(question_id, no);

CREATE TABLE survey_plans (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    survey_id TEXT NOT NULL UNIQUE REFERENCES surveys(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL CHECK (dimension IN ('area', 'stratum', 'area_stratum')),
    confidence INTEGER NOT NULL CHECK (confidence IN (90, 95, 99)),
    margin REAL NOT NULL,
    population INTEGER NOT NULL,
    sample_size INTEGER NOT NULL,
    minimum_per_cell INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE survey_plan_cells (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES survey_plans(id) ON DELETE CASCADE,
    area_code TEXT REFERENCES units(code),  -- NULL when the plan is by stratum only
    stratum TEXT,                           -- NULL when the plan is by area only
    population INTEGER NOT NULL CHECK (population >= 0),
    quota INTEGER NOT NULL CHECK (quota >= 0),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_plan_cells_plan ON survey_plan_cells(plan_id);

CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    form_no TEXT,                 -- number written on the paper form (not a person)
    channel TEXT NOT NULL DEFAULT 'paper' CHECK (channel IN ('paper', 'phone', 'online', 'email')),
    collected_on TEXT,
    entered_by TEXT,              -- the clerk who keyed it
    stratum TEXT,
    area_code TEXT REFERENCES units(code),
    age_band TEXT CHECK (age_band IN ('18-29', '30-44', '45-59', '60+')),
    gender TEXT CHECK (gender IN ('male', 'female')),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id);
CREATE INDEX survey_responses_form ON survey_responses(survey_id, form_no);

-- One row per answered question; a multiple-choice answer has one row per ticked option.
CREATE TABLE survey_answers (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    response_id TEXT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES survey_questions(id),
    option_no INTEGER,            -- single, multiple, likert (1-5)
    value_num REAL,               -- number
    value_text TEXT,              -- short text
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_answers_response ON survey_answers(response_id);
CREATE INDEX survey_answers_question ON survey_answers(question_id, option_no);

-- Double entry: a second clerk keys a sample of forms again; the differences are listed
-- against the first keying (a quality check; no respondent data).
CREATE TABLE survey_check_entries (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    form_no TEXT NOT NULL,
    response_id TEXT REFERENCES survey_responses(id) ON DELETE CASCADE,
    entered_by TEXT,
    entered_on TEXT NOT NULL,
    data TEXT NOT NULL,           -- JSON: profile and answers as keyed the second time
    mismatches TEXT NOT NULL,     -- JSON list of [field, first, second]
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_check_entries_survey ON survey_check_entries(survey_id, form_no);
