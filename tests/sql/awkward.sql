-- tests/sql/awkward.sql
--
-- Test fixture: a schema full of awkward identifiers and features, used by
-- the pgdoc test suite. Load into a fresh, empty database (PostgreSQL 13+,
-- core only, no extensions):
--   psql -X -v ON_ERROR_STOP=1 -q -f tests/sql/awkward.sql
--
-- What each group exercises:
--   1. public.users + enum type     - lower-case table with an enum column
--      (labels in deliberate non-alphabetical order), column comments, RLS,
--      and several tables referencing it via foreign keys.
--   2. case collisions               - "Users" beside users, "Foo" beside foo,
--      "Sales".accounts beside sales.accounts (differ only by case, both
--      schema-qualified), "Accounts" in public.
--   3. dots                          - public."a.b" beside schema a, table b
--      (both naively map to the file name "a.b").
--   4. special characters            - space, double quote, single quote,
--      semicolon, *, ?, ../ and ..\ sequences, literal newline, literal tab.
--   5. non-ASCII                     - composed "café" / "naïve", decomposed
--      "café" (e + U+0301 combining acute), Arabic, emoji.
--   6. schemas                       - same table name in two schemas
--      (sales.accounts / support.accounts), "Mixed Schema", "we""ird/schema".
--   7. partitioning                  - range-partitioned table with an
--      awkwardly named partition and a DEFAULT partition; hash-partitioned
--      table whose partitions live in other schemas than the parent.
--   8. security                      - RLS enabled (FORCE on one table) with
--      policies; GRANTs (table- and column-level) to an idempotently created
--      role.
--   9. column features               - identity ALWAYS / BY DEFAULT, generated
--      STORED column, serial (owned sequences), reserved-word column names.
--  10. constraints and indexes       - CHECK, UNIQUE, composite FK, awkwardly
--      named constraints and index (no exclusion constraints).
--  11. triggers                      - trigger function + triggers.
--  12. comments                      - table comment with newlines, |,
--      backticks and <b>.
--  13. views                         - view and materialized view with awkward
--      names.
--  14. limits / platform names       - 63-byte (maximum length) table name;
--      table named con (a Windows device name).
--  15. data                          - one row in public.users holding the
--      marker SECRET-ROW-VALUE-7f3a, which must never reach generated output.

SET client_min_messages = warning;

DO $$ BEGIN CREATE ROLE awkward_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE SCHEMA a;
CREATE SCHEMA sales;
CREATE SCHEMA "Sales";
CREATE SCHEMA support;
CREATE SCHEMA "Mixed Schema";
CREATE SCHEMA "we""ird/schema";
CREATE SCHEMA shards;

-- ---------------------------------------------------------------------------
-- 1. public.users with an enum column, and tables referencing it
-- ---------------------------------------------------------------------------

-- Deliberately NOT alphabetical: docs must keep declaration order.
CREATE TYPE user_status AS ENUM ('pending', 'active', 'suspended', 'deleted');
-- Enum whose labels are awkward themselves.
CREATE TYPE "Mixed Schema"."mood ""type""" AS ENUM ('zzz', 'it''s ok', 'a|b', 'with space', '<b>bold</b>');

CREATE TABLE public.users (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL UNIQUE,
    display     text,
    status      user_status NOT NULL DEFAULT 'pending',
    api_token   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public.users IS 'Lower-case users table (compare "Users").';
COMMENT ON COLUMN public.users.email IS 'Login email; unique.';
COMMENT ON COLUMN public.users.status IS 'Lifecycle: pending -> active -> suspended -> deleted.';
COMMENT ON COLUMN public.users.api_token IS 'Secret token | never documented `verbatim`
(second line of the comment)';

CREATE TABLE public.orders (
    id          bigserial PRIMARY KEY,
    user_id     integer NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    total_cents integer NOT NULL DEFAULT 0 CONSTRAINT "total must be >= 0" CHECK (total_cents >= 0),
    CONSTRAINT orders_id_user_key UNIQUE (id, user_id)
);

CREATE TABLE public."order items" (
    "order id"   bigint  NOT NULL,
    "user id"    integer NOT NULL,
    "line no"    integer NOT NULL CHECK ("line no" > 0),
    "select"     text,
    "user"       text,
    "Quantity"   integer NOT NULL DEFAULT 1,
    price_cents  integer NOT NULL,
    line_total   integer GENERATED ALWAYS AS ("Quantity" * price_cents) STORED,
    PRIMARY KEY ("order id", "line no"),
    CONSTRAINT "fk: order/user (composite)" FOREIGN KEY ("order id", "user id")
        REFERENCES public.orders (id, user_id) ON DELETE CASCADE
);
COMMENT ON COLUMN public."order items"."select" IS 'Column named like a reserved word.';

CREATE TABLE public.user_sessions_log (
    id       serial PRIMARY KEY,
    user_id  integer REFERENCES public.users (id) ON DELETE SET NULL,
    note     text
);

-- ---------------------------------------------------------------------------
-- 2. Case collisions
-- ---------------------------------------------------------------------------

CREATE TABLE public."Users" (
    "Id"        integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    "UserId"    integer REFERENCES public.users (id),
    "Mood"      "Mixed Schema"."mood ""type""",
    "UpdatedAt" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public."Users" IS 'Mixed-case twin of public.users.';

CREATE TABLE public.foo   (id int PRIMARY KEY, val text);
CREATE TABLE public."Foo" (id int PRIMARY KEY, foo_id int REFERENCES public.foo (id));
CREATE TABLE public."FOO" (id int PRIMARY KEY);

CREATE TABLE "Sales".accounts (id int PRIMARY KEY, name text);
CREATE TABLE public."Accounts" (id int PRIMARY KEY);

-- ---------------------------------------------------------------------------
-- 3. Dots
-- ---------------------------------------------------------------------------

CREATE TABLE public."a.b" (id int PRIMARY KEY, "x.y" text);
CREATE TABLE a.b (id int PRIMARY KEY, a_b_id int REFERENCES public."a.b" (id));
COMMENT ON TABLE a.b IS 'Table b in schema a (not public."a.b").';

-- ---------------------------------------------------------------------------
-- 4. Special characters
-- ---------------------------------------------------------------------------

CREATE TABLE public."say ""hi""" ("quote""col" text, id int PRIMARY KEY);
CREATE TABLE public."it's" ("it's col" text);
CREATE TABLE public."semi;colon" (id int);
CREATE TABLE public."star*" (id int);
CREATE TABLE public."what?" (id int);
CREATE TABLE public."../escape" (id int);
CREATE TABLE public."..\back" (id int);
CREATE TABLE public."/abs/path" (id int);
CREATE TABLE public."new
line" ("multi
line col" int);
CREATE TABLE public."tab	here" ("tab	col" int);
CREATE TABLE public."  padded  " (id int);
CREATE TABLE public."$dollar" (id int);
CREATE TABLE public."pct%2F" (id int);

-- ---------------------------------------------------------------------------
-- 5. Non-ASCII
-- ---------------------------------------------------------------------------

CREATE TABLE public."café" (id int PRIMARY KEY, "prix €" numeric);   -- composed U+00E9
CREATE TABLE public."café" (id int PRIMARY KEY);                -- decomposed e + U+0301
CREATE TABLE public."naïve" (id int REFERENCES public."café" (id));   -- composed U+00EF
CREATE TABLE public."تست" ("عمود" text);
CREATE TABLE public."🚀launch" (id int, "🔥" boolean);

-- ---------------------------------------------------------------------------
-- 6. Same table name in several schemas; awkward schema names
-- ---------------------------------------------------------------------------

CREATE TABLE sales.accounts (
    id       int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id int REFERENCES public.users (id),
    region   text NOT NULL,
    code     text NOT NULL,
    CONSTRAINT "unique: region/code" UNIQUE (region, code)
);
CREATE TABLE support.accounts (
    id               int PRIMARY KEY,
    sales_account_id int REFERENCES sales.accounts (id) ON DELETE SET NULL,
    tier             text CHECK (tier IN ('gold', 'silver', 'bronze'))
);
COMMENT ON TABLE sales.accounts   IS 'accounts in schema sales';
COMMENT ON TABLE support.accounts IS 'accounts in schema support';

CREATE TABLE "Mixed Schema"."Mixed Table" (
    id      int PRIMARY KEY,
    user_id int REFERENCES public.users (id),
    secret  text
);
CREATE TABLE "we""ird/schema"."we""ird/table" (
    id int PRIMARY KEY,
    ref int REFERENCES "Mixed Schema"."Mixed Table" (id)
);
CREATE TABLE "we""ird/schema".accounts (id int);

-- ---------------------------------------------------------------------------
-- 7. Partitioning
-- ---------------------------------------------------------------------------

CREATE TABLE public.measurements (
    id        bigserial,
    taken_on  date    NOT NULL,
    user_id   integer REFERENCES public.users (id),
    value     numeric NOT NULL,
    PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public."measurements 2025 (H1) ""q""" PARTITION OF public.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE public.measurements_default PARTITION OF public.measurements DEFAULT;

CREATE TABLE public.sessions (
    id       bigint NOT NULL,
    user_id  integer,
    payload  jsonb,
    PRIMARY KEY (id)
) PARTITION BY HASH (id);
CREATE TABLE shards.sessions_p0 PARTITION OF public.sessions
    FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE shards.sessions_p1 PARTITION OF public.sessions
    FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE "Mixed Schema"."sessions p2" PARTITION OF public.sessions
    FOR VALUES WITH (MODULUS 3, REMAINDER 2);

-- ---------------------------------------------------------------------------
-- 8. Row-level security
-- ---------------------------------------------------------------------------

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY "users: self only" ON public.users
    USING (id = current_setting('app.user_id', true)::int);

ALTER TABLE "Mixed Schema"."Mixed Table" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Mixed Schema"."Mixed Table" FORCE ROW LEVEL SECURITY;
CREATE POLICY "it's ""mine""" ON "Mixed Schema"."Mixed Table"
    FOR SELECT TO awkward_reader
    USING (user_id = current_setting('app.user_id', true)::int);
CREATE POLICY mixed_write ON "Mixed Schema"."Mixed Table"
    AS RESTRICTIVE FOR INSERT
    WITH CHECK (secret IS NULL OR secret <> '');

-- ---------------------------------------------------------------------------
-- 9/10. Column features, constraints, awkward index names
-- ---------------------------------------------------------------------------

CREATE TABLE public.widgets (
    id          integer GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 10) PRIMARY KEY,
    serial_no   serial  NOT NULL,
    big_no      bigserial,
    width_mm    integer NOT NULL,
    height_mm   integer NOT NULL,
    area_mm2    integer GENERATED ALWAYS AS (width_mm * height_mm) STORED,
    sku         text    NOT NULL,
    CONSTRAINT "check: positive?" CHECK (width_mm > 0 AND height_mm > 0),
    CONSTRAINT widgets_sku_key UNIQUE (sku)
);
CREATE INDEX "idx ""quoted"" name/with slash" ON public.widgets (lower(sku));
CREATE INDEX "Widgets Big Only" ON public.widgets (area_mm2) WHERE area_mm2 > 10000;
CREATE UNIQUE INDEX "idx;semi" ON public."order items" ("order id", "select");

-- ---------------------------------------------------------------------------
-- 11. Triggers
-- ---------------------------------------------------------------------------

CREATE FUNCTION public."touch ""updated_at"""() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE FUNCTION "Mixed Schema"."Touch UpdatedAt"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."UpdatedAt" := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_touch BEFORE UPDATE ON public.users
    FOR EACH ROW EXECUTE FUNCTION public."touch ""updated_at"""();
CREATE TRIGGER "Before Update!" BEFORE UPDATE ON public."Users"
    FOR EACH ROW EXECUTE FUNCTION "Mixed Schema"."Touch UpdatedAt"();

-- ---------------------------------------------------------------------------
-- 12. Comments with markup-breaking content
-- ---------------------------------------------------------------------------

COMMENT ON TABLE public.widgets IS 'Widgets table.
Second line | with a pipe | and `backticks`
<b>not bold</b> & <script>alert(1)</script>

(blank line above)';
COMMENT ON COLUMN public.widgets.area_mm2 IS 'Generated: width_mm * height_mm | `stored`';
COMMENT ON TABLE public."order items" IS '# Not a heading
* not a list
| a | b |
|---|---|';

-- ---------------------------------------------------------------------------
-- 13. Views with awkward names
-- ---------------------------------------------------------------------------

CREATE VIEW public."active users?" AS
    SELECT id, email, status FROM public.users WHERE status = 'active';
COMMENT ON VIEW public."active users?" IS 'View with a space and ? in its name.';

CREATE MATERIALIZED VIEW "Mixed Schema"."Mat/View ""stats""" AS
    SELECT status, count(*) AS n FROM public.users GROUP BY status
WITH NO DATA;

-- ---------------------------------------------------------------------------
-- 14. Limits and platform-reserved names
-- ---------------------------------------------------------------------------

-- Exactly 63 bytes (NAMEDATALEN - 1): no truncation notice.
CREATE TABLE public.a_very_long_table_name_that_hits_the_sixty_three_byte_limit_end (
    id int PRIMARY KEY
);
CREATE TABLE public.con (id int);

-- ---------------------------------------------------------------------------
-- 8 (cont). Grants
-- ---------------------------------------------------------------------------

GRANT USAGE ON SCHEMA sales, "Mixed Schema", "we""ird/schema" TO awkward_reader;
GRANT SELECT ON public.users, public."Users", public."order items", sales.accounts TO awkward_reader;
GRANT SELECT, INSERT ON "Mixed Schema"."Mixed Table" TO awkward_reader;
GRANT SELECT (id, email), UPDATE (display) ON public.users TO awkward_reader;
GRANT SELECT ON public."active users?" TO awkward_reader;

-- ---------------------------------------------------------------------------
-- 15. Data: must never appear in generated documentation
-- ---------------------------------------------------------------------------

INSERT INTO public.users (email, display, status, api_token)
VALUES ('secret@example.invalid', 'Secret Person', 'active', 'SECRET-ROW-VALUE-7f3a');
