-- examples/demo.sql
--
-- Sample schema documented by `make demo`.
--
-- A small multi-tenant SaaS backend for a survey / feedback product:
-- companies (tenants) have users, users build surveys, respondents submit
-- responses with answers, staff attach private notes to surveys, and a
-- separate `billing` schema tracks plans, subscriptions and invoices.
--
-- It deliberately exercises many PostgreSQL features so the generated docs
-- have something to show: enum types, domains, identity and bigserial
-- columns, generated columns, defaults, CHECK / UNIQUE / FK constraints
-- (cascade, set null, composite, self-reference), partial and expression
-- indexes, a range-partitioned table, a view, a materialized view, a
-- trigger, row-level security, comments and grants.
--
-- Load into an empty database (PostgreSQL 13+, no extensions required):
--   psql -X -v ON_ERROR_STOP=1 -q -f examples/demo.sql

SET client_min_messages = warning;

DO $$ BEGIN CREATE ROLE app_readonly NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- ---------------------------------------------------------------------------
-- Types
-- ---------------------------------------------------------------------------

CREATE TYPE user_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TYPE survey_status AS ENUM ('draft', 'published', 'closed', 'archived');

CREATE DOMAIN email AS text
    CHECK (VALUE ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(VALUE) <= 254);
COMMENT ON DOMAIN email IS 'Email address (case preserved; compare with lower()).';

-- ---------------------------------------------------------------------------
-- Shared trigger function
-- ---------------------------------------------------------------------------

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION set_updated_at() IS 'Trigger function: stamps updated_at on every UPDATE.';

-- ---------------------------------------------------------------------------
-- Tenants and people
-- ---------------------------------------------------------------------------

CREATE TABLE company (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id   uuid        NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    slug        text        NOT NULL,
    country     char(2),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT company_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$')
);
CREATE UNIQUE INDEX company_slug_key ON company (lower(slug));
COMMENT ON TABLE company IS 'A tenant: every customer organisation is one company.';
COMMENT ON COLUMN company.public_id IS 'Stable identifier exposed in URLs and the public API.';
COMMENT ON COLUMN company.country IS 'ISO 3166-1 alpha-2 country code, if known.';

CREATE TABLE teams (
    id          bigserial PRIMARY KEY,
    company_id  bigint NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    name        text   NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, id),          -- target of composite FKs
    UNIQUE (company_id, name)
);
COMMENT ON TABLE teams IS 'Groups of users inside a company.';

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id    bigint      NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    team_id       bigint,
    manager_id    bigint      REFERENCES users (id) ON DELETE SET NULL,
    email         email       NOT NULL,
    first_name    text        NOT NULL,
    last_name     text        NOT NULL,
    full_name     text        GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    role          user_role   NOT NULL DEFAULT 'member',
    is_active     boolean     NOT NULL DEFAULT true,
    last_login_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_team_fk FOREIGN KEY (company_id, team_id)
        REFERENCES teams (company_id, id) ON DELETE SET NULL (team_id),
    CONSTRAINT users_not_own_manager CHECK (manager_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX users_email_key ON users (company_id, lower(email));
CREATE INDEX users_manager_idx ON users (manager_id) WHERE manager_id IS NOT NULL;
CREATE INDEX users_active_idx ON users (company_id) WHERE is_active;
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE users IS 'People who log in to the product. Always belong to one company.';
COMMENT ON COLUMN users.manager_id IS 'Line manager, if any.
Set to NULL automatically when the manager is deleted.';
COMMENT ON COLUMN users.role IS 'Permission level: `owner` | `admin` | `member` | `viewer`.';
COMMENT ON COLUMN users.full_name IS 'Generated from first_name and last_name.';

CREATE TRIGGER company_set_updated_at BEFORE UPDATE ON company
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE api_keys (
    id           bigserial PRIMARY KEY,
    company_id   bigint      NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    created_by   bigint      REFERENCES users (id) ON DELETE SET NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    label        text,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_keys_live_idx ON api_keys (company_id) WHERE revoked_at IS NULL;
COMMENT ON TABLE api_keys IS 'Machine credentials. Only a hash of the token is stored.';

-- ---------------------------------------------------------------------------
-- Surveys
-- ---------------------------------------------------------------------------

CREATE TABLE surveys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint        NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    owner_id     bigint        REFERENCES users (id) ON DELETE SET NULL,
    title        text          NOT NULL,
    description  text,
    status       survey_status NOT NULL DEFAULT 'draft',
    opens_at     timestamptz,
    closes_at    timestamptz,
    settings     jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (company_id, id),
    CONSTRAINT surveys_window CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX surveys_company_status_idx ON surveys (company_id, status);
CREATE INDEX surveys_open_idx ON surveys (closes_at) WHERE status = 'published';
CREATE INDEX surveys_title_lower_idx ON surveys (lower(title) text_pattern_ops);
CREATE TRIGGER surveys_set_updated_at BEFORE UPDATE ON surveys
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE surveys IS 'A questionnaire owned by a company.';
COMMENT ON COLUMN surveys.settings IS 'Free-form UI settings (theme, branding, logic rules).';

CREATE TABLE questions (
    id          bigserial PRIMARY KEY,
    survey_id   bigint  NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position > 0),
    kind        text    NOT NULL CHECK (kind IN ('text', 'rating', 'choice', 'multi_choice', 'nps')),
    prompt      text    NOT NULL,
    is_required boolean NOT NULL DEFAULT false,
    options     jsonb,
    UNIQUE (survey_id, position) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE questions IS 'Ordered questions of a survey.';
COMMENT ON COLUMN questions.options IS 'Choices for choice/multi_choice questions, e.g. ["Yes","No"].';

CREATE TABLE respondents (
    id           bigserial PRIMARY KEY,
    company_id   bigint      NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    external_ref text,
    email        email,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, external_ref)
);
COMMENT ON TABLE respondents IS 'People answering surveys; usually not product users.';

CREATE TABLE responses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id    bigint      NOT NULL,
    survey_id     bigint      NOT NULL,
    respondent_id bigint      REFERENCES respondents (id) ON DELETE SET NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    duration      interval    GENERATED ALWAYS AS (submitted_at - started_at) STORED,
    CONSTRAINT responses_survey_fk FOREIGN KEY (company_id, survey_id)
        REFERENCES surveys (company_id, id) ON DELETE CASCADE
);
CREATE INDEX responses_survey_idx ON responses (survey_id, submitted_at DESC);
CREATE INDEX responses_incomplete_idx ON responses (survey_id) WHERE submitted_at IS NULL;
COMMENT ON TABLE responses IS 'One submission of a survey by a respondent.';
COMMENT ON COLUMN responses.company_id IS 'Denormalised tenant id; part of the composite FK to surveys.';

CREATE TABLE answers (
    response_id  bigint   NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id  bigint   NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    value_text   text,
    value_number numeric(6, 2),
    PRIMARY KEY (response_id, question_id),
    CHECK (value_text IS NOT NULL OR value_number IS NOT NULL)
);
COMMENT ON TABLE answers IS 'Answer to a single question within a response.';

CREATE TABLE tags (
    id          bigserial PRIMARY KEY,
    company_id  bigint NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    name        text   NOT NULL,
    color       text   NOT NULL DEFAULT '#888888' CHECK (color ~ '^#[0-9a-fA-F]{6}$')
);
CREATE UNIQUE INDEX tags_company_name_key ON tags (company_id, lower(name));
COMMENT ON TABLE tags IS 'Labels for organising surveys.';

CREATE TABLE survey_tags (
    survey_id  bigint NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    tag_id     bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, tag_id)
);
-- (intentionally left without a table comment)

CREATE TABLE survey_notes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  bigint      NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    survey_id   bigint      NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    author_id   bigint      REFERENCES users (id) ON DELETE SET NULL,
    body        text        NOT NULL CHECK (length(body) <= 10000),
    is_pinned   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_notes_survey_idx ON survey_notes (survey_id, created_at DESC);
CREATE UNIQUE INDEX survey_notes_one_pinned ON survey_notes (survey_id) WHERE is_pinned;
CREATE TRIGGER survey_notes_set_updated_at BEFORE UPDATE ON survey_notes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE survey_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY survey_notes_tenant_isolation ON survey_notes
    USING (company_id = current_setting('app.company_id', true)::bigint)
    WITH CHECK (company_id = current_setting('app.company_id', true)::bigint);
COMMENT ON TABLE survey_notes IS 'Internal notes on a survey, visible only within the tenant (RLS).';
COMMENT ON COLUMN survey_notes.is_pinned IS 'At most one pinned note per survey (partial unique index).';

-- ---------------------------------------------------------------------------
-- Product analytics: range-partitioned by month
-- ---------------------------------------------------------------------------

CREATE TABLE events (
    id          bigserial,
    company_id  bigint      NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    user_id     bigint      REFERENCES users (id) ON DELETE SET NULL,
    name        text        NOT NULL,
    properties  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX events_company_created_idx ON events (company_id, created_at);
CREATE INDEX events_name_idx ON events ((properties ->> 'source'), name);
COMMENT ON TABLE events IS 'Append-only product analytics events, one partition per month.';

CREATE TABLE events_2024_01 PARTITION OF events
    FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2024-02-01 00:00+00');
CREATE TABLE events_2024_02 PARTITION OF events
    FOR VALUES FROM ('2024-02-01 00:00+00') TO ('2024-03-01 00:00+00');
CREATE TABLE events_2024_03 PARTITION OF events
    FOR VALUES FROM ('2024-03-01 00:00+00') TO ('2024-04-01 00:00+00');
CREATE TABLE events_default PARTITION OF events DEFAULT;
COMMENT ON TABLE events_default IS 'Catch-all for events outside the pre-created months.';

-- ---------------------------------------------------------------------------
-- Billing schema
-- ---------------------------------------------------------------------------

CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Plans, subscriptions and invoices.';

CREATE TABLE billing.plans (
    id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text          NOT NULL UNIQUE,
    name           text          NOT NULL,
    monthly_price  numeric(10,2) NOT NULL CHECK (monthly_price >= 0),
    max_surveys    integer       CHECK (max_surveys IS NULL OR max_surveys > 0),
    is_public      boolean       NOT NULL DEFAULT true
);
COMMENT ON TABLE billing.plans IS 'Price list. max_surveys NULL means unlimited.';

CREATE TABLE billing.subscriptions (
    id          bigserial PRIMARY KEY,
    company_id  bigint      NOT NULL REFERENCES public.company (id) ON DELETE CASCADE,
    plan_id     integer     NOT NULL REFERENCES billing.plans (id),
    started_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz,
    CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE UNIQUE INDEX subscriptions_one_active ON billing.subscriptions (company_id) WHERE ended_at IS NULL;
COMMENT ON TABLE billing.subscriptions IS 'Which plan a company is on, over time.';

CREATE TABLE billing.invoices (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  bigint        NOT NULL REFERENCES billing.subscriptions (id) ON DELETE RESTRICT,
    number           text          NOT NULL UNIQUE,
    period_start     date          NOT NULL,
    period_end       date          NOT NULL,
    amount_net       numeric(12,2) NOT NULL CHECK (amount_net >= 0),
    tax_rate         numeric(5,4)  NOT NULL DEFAULT 0,
    amount_gross     numeric(12,2) GENERATED ALWAYS AS (round(amount_net * (1 + tax_rate), 2)) STORED,
    paid_at          timestamptz,
    issued_at        timestamptz   NOT NULL DEFAULT now(),
    CHECK (period_end > period_start)
);
CREATE INDEX invoices_unpaid_idx ON billing.invoices (issued_at) WHERE paid_at IS NULL;
COMMENT ON TABLE billing.invoices IS 'Issued invoices. Never deleted, only marked paid.';
COMMENT ON COLUMN billing.invoices.tax_rate IS 'Fraction, e.g. 0.2000 for 20% VAT.';

-- ---------------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------------

CREATE VIEW active_users AS
    SELECT u.id, u.company_id, u.email, u.full_name, u.role, u.last_login_at
    FROM users u
    WHERE u.is_active;
COMMENT ON VIEW active_users IS 'Users that can currently log in.';

CREATE MATERIALIZED VIEW survey_stats AS
    SELECT s.id AS survey_id,
           s.company_id,
           count(r.id)                                   AS responses,
           count(r.submitted_at)                         AS completed,
           avg(extract(epoch FROM r.duration))::numeric(10,1) AS avg_seconds
    FROM surveys s
    LEFT JOIN responses r ON r.survey_id = s.id
    GROUP BY s.id, s.company_id
WITH NO DATA;
CREATE UNIQUE INDEX survey_stats_pk ON survey_stats (survey_id);
COMMENT ON MATERIALIZED VIEW survey_stats IS 'Per-survey response counts; refreshed nightly.';

-- ---------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------

GRANT USAGE ON SCHEMA billing TO app_readonly;
GRANT SELECT ON company, users, surveys, questions, responses, answers, active_users, survey_stats
    TO app_readonly;
GRANT SELECT ON billing.plans TO app_readonly;
