-- Objects of PostgreSQL's own regression suite, for pgdoc's tests.
--
-- Made by running these files of src/test/regress/sql from PostgreSQL 15.18 (Debian source
-- package postgresql-15, PostgreSQL License) in order on an empty database, ignoring their
-- errors, then `pg_dump --schema-only` of what they left, without owners and grants:
-- test_setup create_function_c create_misc create_operator create_procedure create_table
-- create_type create_schema create_index create_view index_including create_aggregate
-- create_function_sql create_cast constraints triggers inherit typed_table updatable_views
-- create_am collate matview replica_identity rowsecurity identity generated domain
-- rangetypes enum alter_table event_trigger foreign_data publication rules partition_join
-- partition_prune tsdicts tsearch stats_ext fast_default create_table_like
-- It holds typed tables, inheritance, partitions of partitions, rules, exclusion
-- constraints, odd collations, domains, ranges, text search objects and more.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: mvtest_mvschema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA mvtest_mvschema;



--
-- Name: pubme; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA pubme;



--
-- Name: pubme2; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA pubme2;



--
-- Name: regress_rls_schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA regress_rls_schema;



--
-- Name: regress_schema_2; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA regress_schema_2;



--
-- Name: aggtype; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.aggtype AS (
	a integer,
	b integer,
	c text
);



--
-- Name: arrayrange; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.arrayrange AS RANGE (
    subtype = integer[],
    multirange_type_name = public.arraymultirange
);



--
-- Name: cashrange; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.cashrange AS RANGE (
    subtype = money,
    multirange_type_name = public.cashmultirange
);



--
-- Name: casttesttype; Type: SHELL TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.casttesttype;


--
-- Name: casttesttype_in(cstring); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.casttesttype_in(cstring) RETURNS public.casttesttype
    LANGUAGE internal IMMUTABLE STRICT
    AS $$textin$$;



--
-- Name: casttesttype_out(public.casttesttype); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.casttesttype_out(public.casttesttype) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT
    AS $$textout$$;



--
-- Name: casttesttype; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.casttesttype (
    INTERNALLENGTH = variable,
    INPUT = public.casttesttype_in,
    OUTPUT = public.casttesttype_out,
    ALIGNMENT = int4,
    STORAGE = plain
);



--
-- Name: con; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.con AS integer
	CONSTRAINT con_check CHECK ((VALUE > 0));



--
-- Name: constraint_comments_dom; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.constraint_comments_dom AS integer;



--
-- Name: dom; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.dom AS integer;



--
-- Name: float8range; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.float8range AS RANGE (
    subtype = double precision,
    multirange_type_name = public.float8multirange,
    subtype_diff = float8mi
);



--
-- Name: gtestdomain1; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.gtestdomain1 AS integer
	CONSTRAINT gtestdomain1_check CHECK ((VALUE < 10));



--
-- Name: gtestdomainnn; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.gtestdomainnn AS integer
	CONSTRAINT gtestdomainnn_check CHECK ((VALUE IS NOT NULL));



--
-- Name: insenum; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.insenum AS ENUM (
    'L1',
    'i1',
    'i2',
    'i3',
    'i4',
    'i5',
    'i6',
    'i7',
    'i8',
    'i9',
    'i10',
    'i11',
    'i12',
    'i13',
    'i14',
    'i15',
    'i16',
    'i17',
    'i18',
    'i19',
    'i20',
    'i21',
    'i22',
    'i23',
    'i24',
    'i25',
    'i26',
    'i27',
    'i28',
    'i29',
    'i30',
    'L2'
);



--
-- Name: int42; Type: SHELL TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.int42;


--
-- Name: int42_in(cstring); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.int42_in(cstring) RETURNS public.int42
    LANGUAGE internal IMMUTABLE STRICT
    AS $$int4in$$;



--
-- Name: int42_out(public.int42); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.int42_out(public.int42) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT
    AS $$int4out$$;



--
-- Name: int42; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.int42 (
    INTERNALLENGTH = 4,
    INPUT = public.int42_in,
    OUTPUT = public.int42_out,
    DEFAULT = '42',
    ALIGNMENT = int4,
    STORAGE = plain,
    PASSEDBYVALUE
);



--
-- Name: mynums; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.mynums AS numeric(4,2)[];



--
-- Name: mynums2; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.mynums2 AS public.mynums;



--
-- Name: myshell; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.myshell;



--
-- Name: orderedpair; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.orderedpair AS integer[]
	CONSTRAINT orderedpair_check CHECK (((VALUE)[1] < (VALUE)[2]));



--
-- Name: person_type; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.person_type AS (
	id integer,
	name text
);



--
-- Name: planets; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.planets AS ENUM (
    'mercury',
    'venus',
    'earth',
    'mars',
    'jupiter',
    'saturn',
    'uranus',
    'neptune',
    'pluto'
);



--
-- Name: pos_int; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.pos_int AS integer NOT NULL
	CONSTRAINT pos_int_check CHECK ((VALUE > 0));



--
-- Name: rewritetype; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.rewritetype AS (
	a text
);



--
-- Name: stoplight; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.stoplight AS ENUM (
    'red',
    'yellow',
    'green'
);



--
-- Name: str_domain; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.str_domain AS text NOT NULL;



--
-- Name: str_domain2; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.str_domain2 AS text DEFAULT 'foo'::text
	CONSTRAINT str_domain2_check CHECK ((VALUE <> 'foo'::text));



--
-- Name: test_type3; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.test_type3 AS (
	b integer
);



--
-- Name: text_w_default; Type: SHELL TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.text_w_default;


--
-- Name: text_w_default_in(cstring); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.text_w_default_in(cstring) RETURNS public.text_w_default
    LANGUAGE internal IMMUTABLE STRICT
    AS $$textin$$;



--
-- Name: text_w_default_out(public.text_w_default); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.text_w_default_out(public.text_w_default) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT
    AS $$textout$$;



--
-- Name: text_w_default; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.text_w_default (
    INTERNALLENGTH = variable,
    INPUT = public.text_w_default_in,
    OUTPUT = public.text_w_default_out,
    DEFAULT = 'zippo',
    ALIGNMENT = int4,
    STORAGE = plain
);



--
-- Name: textrange; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.textrange AS RANGE (
    subtype = text,
    multirange_type_name = public.textmultirange,
    collation = pg_catalog."C"
);



--
-- Name: things; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.things AS integer
	CONSTRAINT meow CHECK ((VALUE < 11));



--
-- Name: tt_t0; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.tt_t0 AS (
	x integer,
	y numeric(8,2)
);



--
-- Name: tt_t1; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.tt_t1 AS (
	x integer,
	y numeric(8,2)
);



--
-- Name: int4_casttesttype(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.int4_casttesttype(integer) RETURNS public.casttesttype
    LANGUAGE sql
    AS $_$ SELECT ('foo'::text || $1::text)::casttesttype; $_$;



--
-- Name: CAST (integer AS public.casttesttype); Type: CAST; Schema: -; Owner: -
--

CREATE CAST (integer AS public.casttesttype) WITH FUNCTION public.int4_casttesttype(integer) AS IMPLICIT;


--
-- Name: CAST (text AS public.casttesttype); Type: CAST; Schema: -; Owner: -
--

CREATE CAST (text AS public.casttesttype) WITHOUT FUNCTION AS IMPLICIT;


--
-- Name: aggf_trans(public.aggtype[], integer, integer, text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.aggf_trans(public.aggtype[], integer, integer, text) RETURNS public.aggtype[]
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$select array_append($1,ROW($2,$3,$4)::aggtype)$_$;



--
-- Name: aggfns_trans(public.aggtype[], integer, integer, text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.aggfns_trans(public.aggtype[], integer, integer, text) RETURNS public.aggtype[]
    LANGUAGE sql IMMUTABLE
    AS $_$select array_append($1,ROW($2,$3,$4)::aggtype)$_$;



--
-- Name: boo(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.boo(integer) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$ BEGIN RAISE NOTICE 'boo: %', $1; RETURN $1; END; $_$;



--
-- Name: casttestfunc(public.casttesttype); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.casttestfunc(public.casttesttype) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT 1; $$;



--
-- Name: check_estimated_rows(text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.check_estimated_rows(text) RETURNS TABLE(estimated integer, actual integer)
    LANGUAGE plpgsql
    AS $_$
declare
    ln text;
    tmp text[];
    first_row bool := true;
begin
    for ln in
        execute format('explain analyze %s', $1)
    loop
        if first_row then
            first_row := false;
            tmp := regexp_match(ln, 'rows=(\d*) .* rows=(\d*)');
            return query select tmp[1]::int, tmp[2]::int;
        end if;
    end loop;
end;
$_$;



--
-- Name: city_delete(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.city_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    DELETE FROM city_table WHERE city_id = OLD.city_id;
    if NOT FOUND then RETURN NULL; end if;
    RETURN OLD;
end;
$$;



--
-- Name: city_insert(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.city_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
    ctry_id int;
begin
    if NEW.country_name IS NOT NULL then
        SELECT country_id, continent INTO ctry_id, NEW.continent
            FROM country_table WHERE country_name = NEW.country_name;
        if NOT FOUND then
            raise exception 'No such country: "%"', NEW.country_name;
        end if;
    else
        NEW.continent := NULL;
    end if;

    if NEW.city_id IS NOT NULL then
        INSERT INTO city_table
            VALUES(NEW.city_id, NEW.city_name, NEW.population, ctry_id);
    else
        INSERT INTO city_table(city_name, population, country_id)
            VALUES(NEW.city_name, NEW.population, ctry_id)
            RETURNING city_id INTO NEW.city_id;
    end if;

    RETURN NEW;
end;
$$;



--
-- Name: city_update(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.city_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
    ctry_id int;
begin
    if NEW.country_name IS DISTINCT FROM OLD.country_name then
        SELECT country_id, continent INTO ctry_id, NEW.continent
            FROM country_table WHERE country_name = NEW.country_name;
        if NOT FOUND then
            raise exception 'No such country: "%"', NEW.country_name;
        end if;

        UPDATE city_table SET city_name = NEW.city_name,
                              population = NEW.population,
                              country_id = ctry_id
            WHERE city_id = OLD.city_id;
    else
        UPDATE city_table SET city_name = NEW.city_name,
                              population = NEW.population
            WHERE city_id = OLD.city_id;
        NEW.continent := OLD.continent;
    end if;

    if NOT FOUND then RETURN NULL; end if;
    RETURN NEW;
end;
$$;



--
-- Name: cleast_accum(anycompatible, anycompatiblearray); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.cleast_accum(anycompatible, VARIADIC anycompatiblearray) RETURNS anycompatible
    LANGUAGE sql
    AS $_$select least($1, min($2[i])) from generate_subscripts($2,1) g(i)$_$;



--
-- Name: doubledecrement(public.pos_int); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.doubledecrement(p1 public.pos_int) RETURNS public.pos_int
    LANGUAGE plpgsql
    AS $$
declare v pos_int := 1;
begin
    v := p1 - 1;
    return v - 1;
end$$;



--
-- Name: drop_sql_command(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.drop_sql_command() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
RAISE NOTICE '% - sql_drop', tg_tag;
END;
$$;



--
-- Name: dummy_update_func(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.dummy_update_func() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE NOTICE 'dummy_update_func(%) called: action = %, old = %, new = %',
    TG_ARGV[0], TG_OP, OLD, NEW;
  RETURN NEW;
END;
$$;



--
-- Name: end_command(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.end_command() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
RAISE NOTICE '% - ddl_command_end', tg_tag;
END;
$$;



--
-- Name: event_trigger_report_dropped(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.event_trigger_report_dropped() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT * from pg_event_trigger_dropped_objects()
    LOOP
    RAISE NOTICE 'DROP: orig=% normal=% istemp=% type=% identity=% schema=% name=% addr=% args=%',
        r.original, r.normal, r.is_temporary, r.object_type,
        r.object_identity, r.schema_name, r.object_name,
        r.address_names, r.address_args;
    END LOOP;
END; $$;



--
-- Name: event_trigger_report_end(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.event_trigger_report_end() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
DECLARE r RECORD;
BEGIN
    FOR r IN SELECT * FROM pg_event_trigger_ddl_commands()
    LOOP
        RAISE NOTICE 'END: command_tag=% type=% identity=%',
            r.command_tag, r.object_type, r.object_identity;
    END LOOP;
END; $$;



--
-- Name: explain_parallel_append(text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.explain_parallel_append(text) RETURNS SETOF text
    LANGUAGE plpgsql
    AS $_$
declare
    ln text;
begin
    for ln in
        execute format('explain (analyze, costs off, summary off, timing off) %s',
            $1)
    loop
        ln := regexp_replace(ln, 'Workers Launched: \d+', 'Workers Launched: N');
        ln := regexp_replace(ln, 'actual rows=\d+ loops=\d+', 'actual rows=N loops=N');
        ln := regexp_replace(ln, 'Rows Removed by Filter: \d+', 'Rows Removed by Filter: N');
        return next ln;
    end loop;
end;
$_$;



--
-- Name: f1_times_10(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.f1_times_10() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ begin new.f1 := new.f1 * 10; return new; end $$;



--
-- Name: float8mi_int(double precision, double precision); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.float8mi_int(double precision, double precision) RETURNS integer
    LANGUAGE sql
    AS $_$ SELECT CAST($1 - $2 AS INT); $_$;



--
-- Name: float8mi_n(double precision, double precision); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.float8mi_n(double precision, double precision) RETURNS double precision
    LANGUAGE sql
    AS $_$ SELECT $1 - $2; $_$;



--
-- Name: func_with_set_params(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.func_with_set_params() RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog'
    SET extra_float_digits TO '2'
    SET work_mem TO '4MB'
    SET "DateStyle" TO 'iso, mdy'
    SET local_preload_libraries TO 'Mixed/Case', 'c:/''a"/path', '', '0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789'
    AS $$select 1;$$;



--
-- Name: gtest_trigger_func(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.gtest_trigger_func() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF tg_op IN ('DELETE', 'UPDATE') THEN
    RAISE INFO '%: %: old = %', TG_NAME, TG_WHEN, OLD;
  END IF;
  IF tg_op IN ('INSERT', 'UPDATE') THEN
    RAISE INFO '%: %: new = %', TG_NAME, TG_WHEN, NEW;
  END IF;
  IF tg_op = 'DELETE' THEN
    RETURN OLD;
  ELSE
    RETURN NEW;
  END IF;
END
$$;



--
-- Name: gtest_trigger_func3(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.gtest_trigger_func3() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE NOTICE 'OK';
  RETURN NEW;
END
$$;



--
-- Name: gtest_trigger_func4(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.gtest_trigger_func4() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.a = 10;
  NEW.b = 300;
  RETURN NEW;
END;
$$;



--
-- Name: inoutparam_succeed(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.inoutparam_succeed(OUT i anyelement, INOUT r anyrange) RETURNS record
    LANGUAGE sql
    AS $_$ select upper($1), $1 $_$;



--
-- Name: least_accum(anyelement, anyarray); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.least_accum(anyelement, VARIADIC anyarray) RETURNS anyelement
    LANGUAGE sql
    AS $_$select least($1, min($2[i])) from generate_subscripts($2,1) g(i)$_$;



--
-- Name: mvtest_drop_the_index(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.mvtest_drop_the_index() RETURNS boolean
    LANGUAGE plpgsql
    AS $$
BEGIN
  EXECUTE 'DROP INDEX IF EXISTS mvtest_drop_idx';
  RETURN true;
END;
$$;



--
-- Name: namelen(public.person_type); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.namelen(public.person_type) RETURNS integer
    LANGUAGE sql
    AS $_$ SELECT length($1.name) $_$;



--
-- Name: no_op_trig_fn(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.no_op_trig_fn() RETURNS trigger
    LANGUAGE plpgsql
    AS $$begin RETURN NULL; end$$;



--
-- Name: non_strict(text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.non_strict(text) RETURNS text
    LANGUAGE sql STRICT
    AS $_$select coalesce($1, 'got passed a null');$_$;



--
-- Name: outparam2_succeed(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.outparam2_succeed(r anyrange, OUT lu anyarray, OUT ul anyarray) RETURNS record
    LANGUAGE sql
    AS $_$ select array[lower($1), upper($1)], array[upper($1), lower($1)] $_$;



--
-- Name: outparam_succeed(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.outparam_succeed(i anyrange, OUT r anyrange, OUT t text) RETURNS record
    LANGUAGE sql
    AS $_$ select $1, 'foo'::text $_$;



--
-- Name: outparam_succeed2(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.outparam_succeed2(i anyrange, OUT r anyarray, OUT t text) RETURNS record
    LANGUAGE sql
    AS $_$ select ARRAY[upper($1)], 'foo'::text $_$;



--
-- Name: part_hashint4_noop(integer, bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.part_hashint4_noop(value integer, seed bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    select value + seed;
    $$;



--
-- Name: part_hashtext_length(text, bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.part_hashtext_length(value text, seed bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    select length(coalesce(value, ''))::int8
    $$;



--
-- Name: parted_trigfunc2(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.parted_trigfunc2() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.a = new.a + 1;
  return new;
end;
$$;



--
-- Name: plusone(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.plusone(a integer) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT a+1; $$;



--
-- Name: ptest10(integer, integer); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest10(OUT a integer, IN b integer, IN c integer)
    LANGUAGE sql
    AS $$ SELECT b - c $$;



--
-- Name: ptest10(integer, integer, integer); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest10(IN a integer, IN b integer, IN c integer)
    LANGUAGE sql
    AS $$ SELECT a + b - c $$;



--
-- Name: ptest11(integer[]); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest11(OUT a integer, VARIADIC b integer[])
    LANGUAGE sql
    AS $$ SELECT b[1] + b[2] $$;



--
-- Name: ptest3(text); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest3(IN y text)
    LANGUAGE sql
    AS $_$
CALL ptest1(y);
CALL ptest1($1);
$_$;



--
-- Name: ptest5(integer, text, integer); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest5(IN a integer, IN b text, IN c integer DEFAULT 100)
    LANGUAGE sql
    AS $$
INSERT INTO cp_test VALUES(a, b);
INSERT INTO cp_test VALUES(c, b);
$$;



--
-- Name: ptest6(integer, anyelement); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest6(IN a integer, IN b anyelement)
    LANGUAGE sql
    AS $$
SELECT NULL::int;
$$;



--
-- Name: ptest6a(anyelement); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest6a(INOUT a anyelement, OUT b anyelement)
    LANGUAGE sql
    AS $_$
SELECT $1, $1;
$_$;



--
-- Name: ptest6b(anyelement); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest6b(IN a anyelement, OUT b anyelement, OUT c anyarray)
    LANGUAGE sql
    AS $_$
SELECT $1, array[$1];
$_$;



--
-- Name: ptest6c(anyelement, anyelement); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest6c(INOUT a anyelement, INOUT b anyelement)
    LANGUAGE sql
    AS $_$
SELECT $1, 1;
$_$;



--
-- Name: ptest7(text, text); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest7(IN a text, IN b text)
    LANGUAGE sql
    AS $$
SELECT a = b;
$$;



--
-- Name: ptest8(text); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest8(IN x text)
    LANGUAGE sql
    BEGIN ATOMIC
END;



--
-- Name: ptest9(); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.ptest9(OUT a integer)
    LANGUAGE sql
    AS $$
INSERT INTO cp_test VALUES (1, 'a');
SELECT 1;
$$;



--
-- Name: range_add_bounds(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.range_add_bounds(anyrange) RETURNS anyelement
    LANGUAGE sql
    AS $_$select lower($1) + upper($1)$_$;



--
-- Name: rangetypes_sql(anyrange, anyarray); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.rangetypes_sql(q anyrange, b anyarray, OUT c anyelement) RETURNS anyelement
    LANGUAGE sql
    AS $_$ select upper($1) + $2[1] $_$;



--
-- Name: rtest_viewfunc1(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.rtest_viewfunc1(integer) RETURNS integer
    LANGUAGE sql
    AS $_$select count(*)::int4 from rtest_view2 where a = $1$_$;



--
-- Name: serializable_update_trig(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.serializable_update_trig() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
	rec record;
begin
	new.description = 'updated in trigger';
	return new;
end;
$$;



--
-- Name: start_command(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.start_command() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
RAISE NOTICE '% - ddl_command_start', tg_tag;
END;
$$;



--
-- Name: sum3(bigint, bigint, bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.sum3(bigint, bigint, bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$select $1 + $2 + $3$_$;



--
-- Name: table_succeed(anyrange); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.table_succeed(r anyrange) RETURNS TABLE(l anyelement, u anyelement)
    LANGUAGE sql
    AS $_$ select lower($1), upper($1) $_$;



--
-- Name: test_event_trigger(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.test_event_trigger() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE NOTICE 'test_event_trigger: % %', tg_event, tg_tag;
END
$$;



--
-- Name: test_evtrig_dropped_objects(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.test_evtrig_dropped_objects() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    obj record;
BEGIN
    FOR obj IN SELECT * FROM pg_event_trigger_dropped_objects()
    LOOP
        IF obj.object_type = 'table' THEN
                EXECUTE format('DROP TABLE IF EXISTS audit_tbls.%I',
					format('%s_%s', obj.schema_name, obj.object_name));
        END IF;

	INSERT INTO dropped_objects
		(object_type, schema_name, object_name,
		 object_identity, address_names, address_args,
		 is_temporary, original, normal) VALUES
		(obj.object_type, obj.schema_name, obj.object_name,
		 obj.object_identity, obj.address_names, obj.address_args,
		 obj.is_temporary, obj.original, obj.normal);
    END LOOP;
END
$$;



--
-- Name: test_strict(text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.test_strict(text) RETURNS text
    LANGUAGE sql
    AS $_$select coalesce($1, 'got passed a null');$_$;



--
-- Name: trig_nothing(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trig_nothing() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ begin return null; end $$;



--
-- Name: trigger_func(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trigger_func() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	RAISE NOTICE 'trigger_func(%) called: action = %, when = %, level = %', TG_ARGV[0], TG_OP, TG_WHEN, TG_LEVEL;
	RETURN NULL;
END;$$;



--
-- Name: trigger_notice(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trigger_notice() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  declare
    arg1 text = TG_ARGV[0];
    arg2 integer = TG_ARGV[1];
  begin
    raise notice 'trigger % on % % % for % args % %',
		TG_NAME, TG_TABLE_NAME, TG_WHEN, TG_OP, TG_LEVEL, arg1, arg2;
    return null;
  end;
  $$;



--
-- Name: trigger_parted_trigfunc(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trigger_parted_trigfunc() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ begin end; $$;



--
-- Name: trigtest(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trigtest() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
	raise notice '% % % %', TG_TABLE_NAME, TG_OP, TG_WHEN, TG_LEVEL;
	return new;
end;$$;



--
-- Name: undroppable(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.undroppable() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
	obj record;
BEGIN
	PERFORM 1 FROM pg_tables WHERE tablename = 'undroppable_objs';
	IF NOT FOUND THEN
		RAISE NOTICE 'table undroppable_objs not found, skipping';
		RETURN;
	END IF;
	FOR obj IN
		SELECT * FROM pg_event_trigger_dropped_objects() JOIN
			undroppable_objs USING (object_type, object_identity)
	LOOP
		RAISE EXCEPTION 'object % of type % cannot be dropped',
			obj.object_identity, obj.object_type;
	END LOOP;
END;
$$;



--
-- Name: view_trigger(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.view_trigger() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
    argstr text := '';
begin
    for i in 0 .. TG_nargs - 1 loop
        if i > 0 then
            argstr := argstr || ', ';
        end if;
        argstr := argstr || TG_argv[i];
    end loop;

    raise notice '% % % % (%)', TG_TABLE_NAME, TG_WHEN, TG_OP, TG_LEVEL, argstr;

    if TG_LEVEL = 'ROW' then
        if TG_OP = 'INSERT' then
            raise NOTICE 'NEW: %', NEW;
            INSERT INTO main_table VALUES (NEW.a, NEW.b);
            RETURN NEW;
        end if;

        if TG_OP = 'UPDATE' then
            raise NOTICE 'OLD: %, NEW: %', OLD, NEW;
            UPDATE main_table SET a = NEW.a, b = NEW.b WHERE a = OLD.a AND b = OLD.b;
            if NOT FOUND then RETURN NULL; end if;
            RETURN NEW;
        end if;

        if TG_OP = 'DELETE' then
            raise NOTICE 'OLD: %', OLD;
            DELETE FROM main_table WHERE a = OLD.a AND b = OLD.b;
            if NOT FOUND then RETURN NULL; end if;
            RETURN OLD;
        end if;
    end if;

    RETURN NULL;
end;
$$;



--
-- Name: xtrig(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.xtrig() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  declare
    r record;
  begin
    for r in select * from old loop
      raise info 'a=%, b=%', r.a, r.b;
    end loop;
    return NULL;
  end;
$$;



--
-- Name: aggfns(integer, integer, text); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.aggfns(integer, integer, text) (
    SFUNC = public.aggfns_trans,
    STYPE = public.aggtype[],
    SSPACE = 10000,
    INITCOND = '{}'
);



--
-- Name: aggfstr(integer, integer, text); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.aggfstr(integer, integer, text) (
    SFUNC = public.aggf_trans,
    STYPE = public.aggtype[],
    INITCOND = '{}'
);



--
-- Name: cleast_agg(anycompatiblearray); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.cleast_agg(VARIADIC items anycompatiblearray) (
    SFUNC = public.cleast_accum,
    STYPE = anycompatible
);



--
-- Name: least_agg(anyarray); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.least_agg(VARIADIC items anyarray) (
    SFUNC = public.least_accum,
    STYPE = anyelement
);



--
-- Name: newavg(integer); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.newavg(integer) (
    SFUNC = int4_avg_accum,
    STYPE = bigint[],
    INITCOND = '{0,0}',
    FINALFUNC = int8_avg
);



--
-- Name: newcnt(*); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.newcnt(*) (
    SFUNC = int8inc,
    STYPE = bigint,
    INITCOND = '0',
    PARALLEL = safe
);



--
-- Name: AGGREGATE newcnt(*); Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON AGGREGATE public.newcnt(*) IS 'an agg(*) comment';


--
-- Name: newcnt("any"); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.newcnt("any") (
    SFUNC = int8inc_any,
    STYPE = bigint,
    INITCOND = '0'
);



--
-- Name: AGGREGATE newcnt("any"); Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON AGGREGATE public.newcnt("any") IS 'an agg(any) comment';


--
-- Name: newsum(integer); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.newsum(integer) (
    SFUNC = int4pl,
    STYPE = integer,
    INITCOND = '0'
);



--
-- Name: oldcnt(*); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.oldcnt(*) (
    SFUNC = int8inc,
    STYPE = bigint,
    INITCOND = '0'
);



--
-- Name: sum2(bigint, bigint); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.sum2(bigint, bigint) (
    SFUNC = public.sum3,
    STYPE = bigint,
    INITCOND = '0'
);



--
-- Name: sumdouble(double precision); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.sumdouble(double precision) (
    SFUNC = float8pl,
    STYPE = double precision,
    MSFUNC = float8pl,
    MINVFUNC = float8mi,
    MSTYPE = double precision
);



--
-- Name: test_percentile_disc(double precision, anyelement); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.test_percentile_disc(double precision ORDER BY anyelement) (
    SFUNC = ordered_set_transition,
    STYPE = internal,
    FINALFUNC = percentile_disc_final,
    FINALFUNC_EXTRA
);



--
-- Name: test_rank("any"); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.test_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi,
    STYPE = internal,
    FINALFUNC = rank_final,
    FINALFUNC_EXTRA,
    HYPOTHETICAL
);



--
-- Name: heap2; Type: ACCESS METHOD; Schema: -; Owner: -
--

CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;


--
-- Name: !=-; Type: OPERATOR; Schema: public; Owner: postgres
--

CREATE OPERATOR public.!=- (
    FUNCTION = factorial,
    RIGHTARG = bigint
);



--
-- Name: ##; Type: OPERATOR; Schema: public; Owner: postgres
--

CREATE OPERATOR public.## (
    FUNCTION = path_inter,
    LEFTARG = path,
    RIGHTARG = path,
    COMMUTATOR = OPERATOR(public.##)
);



--
-- Name: #@%#; Type: OPERATOR; Schema: public; Owner: postgres
--

CREATE OPERATOR public.#@%# (
    FUNCTION = factorial,
    RIGHTARG = bigint
);



--
-- Name: @#@; Type: OPERATOR; Schema: public; Owner: postgres
--

CREATE OPERATOR public.@#@ (
    FUNCTION = factorial,
    RIGHTARG = bigint
);



--
-- Name: at_test_sql_partop; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.at_test_sql_partop USING btree;



--
-- Name: evttrigopclass; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.evttrigopclass USING btree;



--
-- Name: evttrigopclass; Type: OPERATOR CLASS; Schema: public; Owner: postgres
--

CREATE OPERATOR CLASS public.evttrigopclass
    FOR TYPE integer USING btree FAMILY public.evttrigopclass AS
    STORAGE integer;



--
-- Name: part_test_int4_ops; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.part_test_int4_ops USING hash;
ALTER OPERATOR FAMILY public.part_test_int4_ops USING hash ADD
    FUNCTION 2 (integer, integer) public.part_hashint4_noop(integer,bigint);



--
-- Name: part_test_int4_ops; Type: OPERATOR CLASS; Schema: public; Owner: postgres
--

CREATE OPERATOR CLASS public.part_test_int4_ops
    FOR TYPE integer USING hash FAMILY public.part_test_int4_ops AS
    OPERATOR 1 =(integer,integer);



--
-- Name: part_test_int4_ops2; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.part_test_int4_ops2 USING hash;
ALTER OPERATOR FAMILY public.part_test_int4_ops2 USING hash ADD
    FUNCTION 2 (integer, integer) public.part_hashint4_noop(integer,bigint);



--
-- Name: part_test_text_ops; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.part_test_text_ops USING hash;
ALTER OPERATOR FAMILY public.part_test_text_ops USING hash ADD
    FUNCTION 2 (text, text) public.part_hashtext_length(text,bigint);



--
-- Name: part_test_text_ops; Type: OPERATOR CLASS; Schema: public; Owner: postgres
--

CREATE OPERATOR CLASS public.part_test_text_ops
    FOR TYPE text USING hash FAMILY public.part_test_text_ops AS
    OPERATOR 1 =(text,text);



--
-- Name: test_int4_ops; Type: OPERATOR FAMILY; Schema: public; Owner: postgres
--

CREATE OPERATOR FAMILY public.test_int4_ops USING btree;



--
-- Name: hunspell; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'ispell_sample', afffile = 'hunspell_sample' );



--
-- Name: hunspell_invalid_1; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell_invalid_1 (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'hunspell_sample_long', afffile = 'ispell_sample' );



--
-- Name: hunspell_invalid_2; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell_invalid_2 (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'hunspell_sample_long', afffile = 'hunspell_sample_num' );



--
-- Name: hunspell_invalid_3; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell_invalid_3 (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'hunspell_sample_num', afffile = 'ispell_sample' );



--
-- Name: hunspell_long; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell_long (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'hunspell_sample_long', afffile = 'hunspell_sample_long' );



--
-- Name: hunspell_num; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.hunspell_num (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'hunspell_sample_num', afffile = 'hunspell_sample_num' );



--
-- Name: ispell; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.ispell (
    TEMPLATE = pg_catalog.ispell,
    dictfile = 'ispell_sample', afffile = 'ispell_sample' );



--
-- Name: synonym; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.synonym (
    TEMPLATE = pg_catalog.synonym,
    synonyms = 'synonym_sample', casesensitive = 'off' );



--
-- Name: thesaurus; Type: TEXT SEARCH DICTIONARY; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH DICTIONARY public.thesaurus (
    TEMPLATE = pg_catalog.thesaurus,
    dictfile = 'thesaurus_sample', dictionary = 'english_stem' );



--
-- Name: hunspell_tst; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH CONFIGURATION public.hunspell_tst (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR asciiword WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR word WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR numword WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR hword_numpart WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR hword_part WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR hword_asciipart WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR numhword WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR asciihword WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR hword WITH public.hunspell_num, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.hunspell_tst
    ADD MAPPING FOR uint WITH simple;



--
-- Name: ispell_tst; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH CONFIGURATION public.ispell_tst (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR asciiword WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR word WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR numword WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR hword_numpart WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR hword_part WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR hword_asciipart WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR numhword WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR asciihword WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR hword WITH public.ispell, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.ispell_tst
    ADD MAPPING FOR uint WITH simple;



--
-- Name: synonym_tst; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH CONFIGURATION public.synonym_tst (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR asciiword WITH public.synonym, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR word WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR numword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR hword_numpart WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR hword_part WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR hword_asciipart WITH public.synonym, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR numhword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR asciihword WITH public.synonym, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR hword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.synonym_tst
    ADD MAPPING FOR uint WITH simple;



--
-- Name: thesaurus_tst; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH CONFIGURATION public.thesaurus_tst (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR asciiword WITH public.synonym, public.thesaurus, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR word WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR numword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR hword_numpart WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR hword_part WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR hword_asciipart WITH public.synonym, public.thesaurus, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR numhword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR asciihword WITH public.synonym, public.thesaurus, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR hword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.thesaurus_tst
    ADD MAPPING FOR uint WITH simple;



--
-- Name: useless; Type: FOREIGN DATA WRAPPER; Schema: -; Owner: postgres
--

CREATE FOREIGN DATA WRAPPER useless;



--
-- Name: useless_server; Type: SERVER; Schema: -; Owner: postgres
--

CREATE SERVER useless_server FOREIGN DATA WRAPPER useless;



SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: mvtest_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.mvtest_t (
    id integer NOT NULL,
    type text NOT NULL,
    amt numeric NOT NULL
);



--
-- Name: mvtest_tv; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.mvtest_tv AS
 SELECT mvtest_t.type,
    sum(mvtest_t.amt) AS totamt
   FROM public.mvtest_t
  GROUP BY mvtest_t.type;



--
-- Name: mvtest_tvm; Type: MATERIALIZED VIEW; Schema: mvtest_mvschema; Owner: postgres
--

CREATE MATERIALIZED VIEW mvtest_mvschema.mvtest_tvm AS
 SELECT mvtest_tv.type,
    mvtest_tv.totamt
   FROM public.mvtest_tv
  ORDER BY mvtest_tv.type
  WITH NO DATA;



--
-- Name: a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.a (
    aa integer
);



--
-- Name: a_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.a_star (
    class character(1),
    aa integer,
    a text
);



--
-- Name: alpha; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha (
    a double precision,
    b integer,
    c text
)
PARTITION BY RANGE (a);



--
-- Name: alpha_neg; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_neg (
    a double precision,
    b integer,
    c text
)
PARTITION BY RANGE (b);



--
-- Name: alpha_neg_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_neg_p1 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alpha_neg_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_neg_p2 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alpha_neg_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_neg_p3 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alpha_pos; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_pos (
    a double precision,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: alpha_pos_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_pos_p1 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alpha_pos_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_pos_p2 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alpha_pos_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alpha_pos_p3 (
    a double precision,
    b integer,
    c text
);



--
-- Name: alter_idx_rename_test_parted_2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alter_idx_rename_test_parted_2 (
    a integer
)
PARTITION BY LIST (a);



--
-- Name: array_index_op_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.array_index_op_test (
    seqno integer,
    i integer[],
    t text[]
);



--
-- Name: attach_parted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.attach_parted (
    a integer,
    b integer
)
PARTITION BY LIST (b);



--
-- Name: attach_parted_part1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.attach_parted_part1 (
    a integer,
    b integer
);



--
-- Name: b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.b (
    bb text
)
INHERITS (public.a);



--
-- Name: b_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.b_star (
    bb text
)
INHERITS (public.a_star);



--
-- Name: bar1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.bar1 (
    a integer,
    b integer DEFAULT 1 NOT NULL
)
PARTITION BY RANGE (a);



--
-- Name: bar2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.bar2 (
    a integer,
    b integer DEFAULT 1 NOT NULL
);



--
-- Name: beta; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta (
    a double precision,
    b integer,
    c text
)
PARTITION BY RANGE (a);



--
-- Name: beta_neg; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_neg (
    a double precision,
    b integer,
    c text
)
PARTITION BY RANGE (b);



--
-- Name: beta_neg_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_neg_p1 (
    a double precision,
    b integer,
    c text
);



--
-- Name: beta_neg_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_neg_p2 (
    a double precision,
    b integer,
    c text
);



--
-- Name: beta_neg_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_neg_p3 (
    a double precision,
    b integer,
    c text
);



--
-- Name: beta_pos; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_pos (
    a double precision,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: beta_pos_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_pos_p1 (
    a double precision,
    b integer,
    c text
);



--
-- Name: beta_pos_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_pos_p2 (
    a double precision,
    b integer,
    c text
);



--
-- Name: beta_pos_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.beta_pos_p3 (
    a double precision,
    b integer,
    c text
);



--
-- Name: boolvalues; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.boolvalues (
    value boolean NOT NULL
);



--
-- Name: c; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.c (
    cc text
)
INHERITS (public.a);



--
-- Name: c_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.c_star (
    cc name
)
INHERITS (public.a_star);



--
-- Name: char_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.char_tbl (
    f1 character(4)
);



--
-- Name: check2_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.check2_tbl (
    x integer,
    y text,
    z integer,
    CONSTRAINT sequence_con CHECK (((x > 3) AND (y <> 'check failed'::text) AND (z < 8)))
);



--
-- Name: check_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.check_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: check_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.check_tbl (
    x integer,
    CONSTRAINT check_con CHECK ((x > 3))
);



--
-- Name: comment_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.comment_test (
    id text NOT NULL,
    positive_col bigint,
    indexed_col text,
    CONSTRAINT comment_test_positive_col_check CHECK ((positive_col > 0))
);



--
-- Name: COLUMN comment_test.id; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON COLUMN public.comment_test.id IS 'Column ''id'' on comment_test';


--
-- Name: CONSTRAINT comment_test_positive_col_check ON comment_test; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON CONSTRAINT comment_test_positive_col_check ON public.comment_test IS 'CHECK constraint on comment_test.positive_col';


--
-- Name: comment_test_child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.comment_test_child (
    id text
);



--
-- Name: COLUMN comment_test_child.id; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON COLUMN public.comment_test_child.id IS 'Column ''id'' on comment_test_child';


--
-- Name: copy_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.copy_tbl (
    x integer,
    y text,
    z integer,
    CONSTRAINT copy_con CHECK (((x > 3) AND (y <> 'check failed'::text) AND (x < 7)))
);



--
-- Name: d; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.d (
    dd text
)
INHERITS (public.b, public.c, public.a);



--
-- Name: d_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.d_star (
    dd double precision
)
INHERITS (public.b_star, public.c_star);



--
-- Name: default_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.default_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: default_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.default_tbl (
    i integer DEFAULT 100,
    x text DEFAULT 'vadim'::text,
    f double precision DEFAULT 123.456
);



--
-- Name: defaultexpr_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.defaultexpr_tbl (
    i1 integer DEFAULT (100 + ((200 - 199) * 2)),
    i2 integer DEFAULT nextval('public.default_seq'::regclass)
);



--
-- Name: defpart_attach_test_2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.defpart_attach_test_2 (
    a integer
);



--
-- Name: depth0; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.depth0 (
    c text
);



--
-- Name: depth1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.depth1 (
    c text
)
INHERITS (public.depth0);



--
-- Name: depth2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.depth2 (
)
INHERITS (public.depth1);



--
-- Name: domain_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.domain_test (
    a integer,
    b integer
);



--
-- Name: domcontest; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.domcontest (
    col1 public.con
);



--
-- Name: domnotnull; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.domnotnull (
);



--
-- Name: domtab; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.domtab (
    col1 integer
);



--
-- Name: domview; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.domview AS
 SELECT (domtab.col1)::public.dom AS col1
   FROM public.domtab;



--
-- Name: dropcolumn; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropcolumn (
    b integer
);



--
-- Name: dropcolumnchild; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropcolumnchild (
    e integer
)
INHERITS (public.dropcolumn);



--
-- Name: dropcolumnanother; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropcolumnanother (
    d integer
)
INHERITS (public.dropcolumnchild);



--
-- Name: dropcolumnexists; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropcolumnexists (
);



--
-- Name: dropped_objects; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropped_objects (
    object_type text,
    schema_name text,
    object_name text,
    object_identity text,
    address_names text[],
    address_args text[],
    is_temporary boolean,
    original boolean,
    normal boolean
);



--
-- Name: dupindexcols; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dupindexcols (
    id integer,
    f1 text COLLATE pg_catalog."C"
);



--
-- Name: e_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.e_star (
    ee smallint,
    e integer
)
INHERITS (public.c_star);



--
-- Name: person; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.person (
    name text,
    age integer,
    location point
);



--
-- Name: emp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.emp (
    salary integer,
    manager name
)
INHERITS (public.person);



--
-- Name: event_trigger_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.event_trigger_test (
    a integer,
    b text
);



--
-- Name: extra_wide_table; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.extra_wide_table (
    firstc text,
    c1 boolean,
    c2 boolean,
    c3 boolean,
    c4 boolean,
    c5 boolean,
    c6 boolean,
    c7 boolean,
    c8 boolean,
    c9 boolean,
    c10 boolean,
    c11 boolean,
    c12 boolean,
    c13 boolean,
    c14 boolean,
    c15 boolean,
    c16 boolean,
    c17 boolean,
    c18 boolean,
    c19 boolean,
    c20 boolean,
    c21 boolean,
    c22 boolean,
    c23 boolean,
    c24 boolean,
    c25 boolean,
    c26 boolean,
    c27 boolean,
    c28 boolean,
    c29 boolean,
    c30 boolean,
    c31 boolean,
    c32 boolean,
    c33 boolean,
    c34 boolean,
    c35 boolean,
    c36 boolean,
    c37 boolean,
    c38 boolean,
    c39 boolean,
    c40 boolean,
    c41 boolean,
    c42 boolean,
    c43 boolean,
    c44 boolean,
    c45 boolean,
    c46 boolean,
    c47 boolean,
    c48 boolean,
    c49 boolean,
    c50 boolean,
    c51 boolean,
    c52 boolean,
    c53 boolean,
    c54 boolean,
    c55 boolean,
    c56 boolean,
    c57 boolean,
    c58 boolean,
    c59 boolean,
    c60 boolean,
    c61 boolean,
    c62 boolean,
    c63 boolean,
    c64 boolean,
    c65 boolean,
    c66 boolean,
    c67 boolean,
    c68 boolean,
    c69 boolean,
    c70 boolean,
    c71 boolean,
    c72 boolean,
    c73 boolean,
    c74 boolean,
    c75 boolean,
    c76 boolean,
    c77 boolean,
    c78 boolean,
    c79 boolean,
    c80 boolean,
    c81 boolean,
    c82 boolean,
    c83 boolean,
    c84 boolean,
    c85 boolean,
    c86 boolean,
    c87 boolean,
    c88 boolean,
    c89 boolean,
    c90 boolean,
    c91 boolean,
    c92 boolean,
    c93 boolean,
    c94 boolean,
    c95 boolean,
    c96 boolean,
    c97 boolean,
    c98 boolean,
    c99 boolean,
    c100 boolean,
    c101 boolean,
    c102 boolean,
    c103 boolean,
    c104 boolean,
    c105 boolean,
    c106 boolean,
    c107 boolean,
    c108 boolean,
    c109 boolean,
    c110 boolean,
    c111 boolean,
    c112 boolean,
    c113 boolean,
    c114 boolean,
    c115 boolean,
    c116 boolean,
    c117 boolean,
    c118 boolean,
    c119 boolean,
    c120 boolean,
    c121 boolean,
    c122 boolean,
    c123 boolean,
    c124 boolean,
    c125 boolean,
    c126 boolean,
    c127 boolean,
    c128 boolean,
    c129 boolean,
    c130 boolean,
    c131 boolean,
    c132 boolean,
    c133 boolean,
    c134 boolean,
    c135 boolean,
    c136 boolean,
    c137 boolean,
    c138 boolean,
    c139 boolean,
    c140 boolean,
    c141 boolean,
    c142 boolean,
    c143 boolean,
    c144 boolean,
    c145 boolean,
    c146 boolean,
    c147 boolean,
    c148 boolean,
    c149 boolean,
    c150 boolean,
    c151 boolean,
    c152 boolean,
    c153 boolean,
    c154 boolean,
    c155 boolean,
    c156 boolean,
    c157 boolean,
    c158 boolean,
    c159 boolean,
    c160 boolean,
    c161 boolean,
    c162 boolean,
    c163 boolean,
    c164 boolean,
    c165 boolean,
    c166 boolean,
    c167 boolean,
    c168 boolean,
    c169 boolean,
    c170 boolean,
    c171 boolean,
    c172 boolean,
    c173 boolean,
    c174 boolean,
    c175 boolean,
    c176 boolean,
    c177 boolean,
    c178 boolean,
    c179 boolean,
    c180 boolean,
    c181 boolean,
    c182 boolean,
    c183 boolean,
    c184 boolean,
    c185 boolean,
    c186 boolean,
    c187 boolean,
    c188 boolean,
    c189 boolean,
    c190 boolean,
    c191 boolean,
    c192 boolean,
    c193 boolean,
    c194 boolean,
    c195 boolean,
    c196 boolean,
    c197 boolean,
    c198 boolean,
    c199 boolean,
    c200 boolean,
    c201 boolean,
    c202 boolean,
    c203 boolean,
    c204 boolean,
    c205 boolean,
    c206 boolean,
    c207 boolean,
    c208 boolean,
    c209 boolean,
    c210 boolean,
    c211 boolean,
    c212 boolean,
    c213 boolean,
    c214 boolean,
    c215 boolean,
    c216 boolean,
    c217 boolean,
    c218 boolean,
    c219 boolean,
    c220 boolean,
    c221 boolean,
    c222 boolean,
    c223 boolean,
    c224 boolean,
    c225 boolean,
    c226 boolean,
    c227 boolean,
    c228 boolean,
    c229 boolean,
    c230 boolean,
    c231 boolean,
    c232 boolean,
    c233 boolean,
    c234 boolean,
    c235 boolean,
    c236 boolean,
    c237 boolean,
    c238 boolean,
    c239 boolean,
    c240 boolean,
    c241 boolean,
    c242 boolean,
    c243 boolean,
    c244 boolean,
    c245 boolean,
    c246 boolean,
    c247 boolean,
    c248 boolean,
    c249 boolean,
    c250 boolean,
    c251 boolean,
    c252 boolean,
    c253 boolean,
    c254 boolean,
    c255 boolean,
    c256 boolean,
    c257 boolean,
    c258 boolean,
    c259 boolean,
    c260 boolean,
    c261 boolean,
    c262 boolean,
    c263 boolean,
    c264 boolean,
    c265 boolean,
    c266 boolean,
    c267 boolean,
    c268 boolean,
    c269 boolean,
    c270 boolean,
    c271 boolean,
    c272 boolean,
    c273 boolean,
    c274 boolean,
    c275 boolean,
    c276 boolean,
    c277 boolean,
    c278 boolean,
    c279 boolean,
    c280 boolean,
    c281 boolean,
    c282 boolean,
    c283 boolean,
    c284 boolean,
    c285 boolean,
    c286 boolean,
    c287 boolean,
    c288 boolean,
    c289 boolean,
    c290 boolean,
    c291 boolean,
    c292 boolean,
    c293 boolean,
    c294 boolean,
    c295 boolean,
    c296 boolean,
    c297 boolean,
    c298 boolean,
    c299 boolean,
    c300 boolean,
    c301 boolean,
    c302 boolean,
    c303 boolean,
    c304 boolean,
    c305 boolean,
    c306 boolean,
    c307 boolean,
    c308 boolean,
    c309 boolean,
    c310 boolean,
    c311 boolean,
    c312 boolean,
    c313 boolean,
    c314 boolean,
    c315 boolean,
    c316 boolean,
    c317 boolean,
    c318 boolean,
    c319 boolean,
    c320 boolean,
    c321 boolean,
    c322 boolean,
    c323 boolean,
    c324 boolean,
    c325 boolean,
    c326 boolean,
    c327 boolean,
    c328 boolean,
    c329 boolean,
    c330 boolean,
    c331 boolean,
    c332 boolean,
    c333 boolean,
    c334 boolean,
    c335 boolean,
    c336 boolean,
    c337 boolean,
    c338 boolean,
    c339 boolean,
    c340 boolean,
    c341 boolean,
    c342 boolean,
    c343 boolean,
    c344 boolean,
    c345 boolean,
    c346 boolean,
    c347 boolean,
    c348 boolean,
    c349 boolean,
    c350 boolean,
    c351 boolean,
    c352 boolean,
    c353 boolean,
    c354 boolean,
    c355 boolean,
    c356 boolean,
    c357 boolean,
    c358 boolean,
    c359 boolean,
    c360 boolean,
    c361 boolean,
    c362 boolean,
    c363 boolean,
    c364 boolean,
    c365 boolean,
    c366 boolean,
    c367 boolean,
    c368 boolean,
    c369 boolean,
    c370 boolean,
    c371 boolean,
    c372 boolean,
    c373 boolean,
    c374 boolean,
    c375 boolean,
    c376 boolean,
    c377 boolean,
    c378 boolean,
    c379 boolean,
    c380 boolean,
    c381 boolean,
    c382 boolean,
    c383 boolean,
    c384 boolean,
    c385 boolean,
    c386 boolean,
    c387 boolean,
    c388 boolean,
    c389 boolean,
    c390 boolean,
    c391 boolean,
    c392 boolean,
    c393 boolean,
    c394 boolean,
    c395 boolean,
    c396 boolean,
    c397 boolean,
    c398 boolean,
    c399 boolean,
    c400 boolean,
    c401 boolean,
    c402 boolean,
    c403 boolean,
    c404 boolean,
    c405 boolean,
    c406 boolean,
    c407 boolean,
    c408 boolean,
    c409 boolean,
    c410 boolean,
    c411 boolean,
    c412 boolean,
    c413 boolean,
    c414 boolean,
    c415 boolean,
    c416 boolean,
    c417 boolean,
    c418 boolean,
    c419 boolean,
    c420 boolean,
    c421 boolean,
    c422 boolean,
    c423 boolean,
    c424 boolean,
    c425 boolean,
    c426 boolean,
    c427 boolean,
    c428 boolean,
    c429 boolean,
    c430 boolean,
    c431 boolean,
    c432 boolean,
    c433 boolean,
    c434 boolean,
    c435 boolean,
    c436 boolean,
    c437 boolean,
    c438 boolean,
    c439 boolean,
    c440 boolean,
    c441 boolean,
    c442 boolean,
    c443 boolean,
    c444 boolean,
    c445 boolean,
    c446 boolean,
    c447 boolean,
    c448 boolean,
    c449 boolean,
    c450 boolean,
    c451 boolean,
    c452 boolean,
    c453 boolean,
    c454 boolean,
    c455 boolean,
    c456 boolean,
    c457 boolean,
    c458 boolean,
    c459 boolean,
    c460 boolean,
    c461 boolean,
    c462 boolean,
    c463 boolean,
    c464 boolean,
    c465 boolean,
    c466 boolean,
    c467 boolean,
    c468 boolean,
    c469 boolean,
    c470 boolean,
    c471 boolean,
    c472 boolean,
    c473 boolean,
    c474 boolean,
    c475 boolean,
    c476 boolean,
    c477 boolean,
    c478 boolean,
    c479 boolean,
    c480 boolean,
    c481 boolean,
    c482 boolean,
    c483 boolean,
    c484 boolean,
    c485 boolean,
    c486 boolean,
    c487 boolean,
    c488 boolean,
    c489 boolean,
    c490 boolean,
    c491 boolean,
    c492 boolean,
    c493 boolean,
    c494 boolean,
    c495 boolean,
    c496 boolean,
    c497 boolean,
    c498 boolean,
    c499 boolean,
    c500 boolean,
    c501 boolean,
    c502 boolean,
    c503 boolean,
    c504 boolean,
    c505 boolean,
    c506 boolean,
    c507 boolean,
    c508 boolean,
    c509 boolean,
    c510 boolean,
    c511 boolean,
    c512 boolean,
    c513 boolean,
    c514 boolean,
    c515 boolean,
    c516 boolean,
    c517 boolean,
    c518 boolean,
    c519 boolean,
    c520 boolean,
    c521 boolean,
    c522 boolean,
    c523 boolean,
    c524 boolean,
    c525 boolean,
    c526 boolean,
    c527 boolean,
    c528 boolean,
    c529 boolean,
    c530 boolean,
    c531 boolean,
    c532 boolean,
    c533 boolean,
    c534 boolean,
    c535 boolean,
    c536 boolean,
    c537 boolean,
    c538 boolean,
    c539 boolean,
    c540 boolean,
    c541 boolean,
    c542 boolean,
    c543 boolean,
    c544 boolean,
    c545 boolean,
    c546 boolean,
    c547 boolean,
    c548 boolean,
    c549 boolean,
    c550 boolean,
    c551 boolean,
    c552 boolean,
    c553 boolean,
    c554 boolean,
    c555 boolean,
    c556 boolean,
    c557 boolean,
    c558 boolean,
    c559 boolean,
    c560 boolean,
    c561 boolean,
    c562 boolean,
    c563 boolean,
    c564 boolean,
    c565 boolean,
    c566 boolean,
    c567 boolean,
    c568 boolean,
    c569 boolean,
    c570 boolean,
    c571 boolean,
    c572 boolean,
    c573 boolean,
    c574 boolean,
    c575 boolean,
    c576 boolean,
    c577 boolean,
    c578 boolean,
    c579 boolean,
    c580 boolean,
    c581 boolean,
    c582 boolean,
    c583 boolean,
    c584 boolean,
    c585 boolean,
    c586 boolean,
    c587 boolean,
    c588 boolean,
    c589 boolean,
    c590 boolean,
    c591 boolean,
    c592 boolean,
    c593 boolean,
    c594 boolean,
    c595 boolean,
    c596 boolean,
    c597 boolean,
    c598 boolean,
    c599 boolean,
    c600 boolean,
    c601 boolean,
    c602 boolean,
    c603 boolean,
    c604 boolean,
    c605 boolean,
    c606 boolean,
    c607 boolean,
    c608 boolean,
    c609 boolean,
    c610 boolean,
    c611 boolean,
    c612 boolean,
    c613 boolean,
    c614 boolean,
    c615 boolean,
    c616 boolean,
    c617 boolean,
    c618 boolean,
    c619 boolean,
    c620 boolean,
    c621 boolean,
    c622 boolean,
    c623 boolean,
    c624 boolean,
    c625 boolean,
    c626 boolean,
    c627 boolean,
    c628 boolean,
    c629 boolean,
    c630 boolean,
    c631 boolean,
    c632 boolean,
    c633 boolean,
    c634 boolean,
    c635 boolean,
    c636 boolean,
    c637 boolean,
    c638 boolean,
    c639 boolean,
    c640 boolean,
    c641 boolean,
    c642 boolean,
    c643 boolean,
    c644 boolean,
    c645 boolean,
    c646 boolean,
    c647 boolean,
    c648 boolean,
    c649 boolean,
    c650 boolean,
    c651 boolean,
    c652 boolean,
    c653 boolean,
    c654 boolean,
    c655 boolean,
    c656 boolean,
    c657 boolean,
    c658 boolean,
    c659 boolean,
    c660 boolean,
    c661 boolean,
    c662 boolean,
    c663 boolean,
    c664 boolean,
    c665 boolean,
    c666 boolean,
    c667 boolean,
    c668 boolean,
    c669 boolean,
    c670 boolean,
    c671 boolean,
    c672 boolean,
    c673 boolean,
    c674 boolean,
    c675 boolean,
    c676 boolean,
    c677 boolean,
    c678 boolean,
    c679 boolean,
    c680 boolean,
    c681 boolean,
    c682 boolean,
    c683 boolean,
    c684 boolean,
    c685 boolean,
    c686 boolean,
    c687 boolean,
    c688 boolean,
    c689 boolean,
    c690 boolean,
    c691 boolean,
    c692 boolean,
    c693 boolean,
    c694 boolean,
    c695 boolean,
    c696 boolean,
    c697 boolean,
    c698 boolean,
    c699 boolean,
    c700 boolean,
    c701 boolean,
    c702 boolean,
    c703 boolean,
    c704 boolean,
    c705 boolean,
    c706 boolean,
    c707 boolean,
    c708 boolean,
    c709 boolean,
    c710 boolean,
    c711 boolean,
    c712 boolean,
    c713 boolean,
    c714 boolean,
    c715 boolean,
    c716 boolean,
    c717 boolean,
    c718 boolean,
    c719 boolean,
    c720 boolean,
    c721 boolean,
    c722 boolean,
    c723 boolean,
    c724 boolean,
    c725 boolean,
    c726 boolean,
    c727 boolean,
    c728 boolean,
    c729 boolean,
    c730 boolean,
    c731 boolean,
    c732 boolean,
    c733 boolean,
    c734 boolean,
    c735 boolean,
    c736 boolean,
    c737 boolean,
    c738 boolean,
    c739 boolean,
    c740 boolean,
    c741 boolean,
    c742 boolean,
    c743 boolean,
    c744 boolean,
    c745 boolean,
    c746 boolean,
    c747 boolean,
    c748 boolean,
    c749 boolean,
    c750 boolean,
    c751 boolean,
    c752 boolean,
    c753 boolean,
    c754 boolean,
    c755 boolean,
    c756 boolean,
    c757 boolean,
    c758 boolean,
    c759 boolean,
    c760 boolean,
    c761 boolean,
    c762 boolean,
    c763 boolean,
    c764 boolean,
    c765 boolean,
    c766 boolean,
    c767 boolean,
    c768 boolean,
    c769 boolean,
    c770 boolean,
    c771 boolean,
    c772 boolean,
    c773 boolean,
    c774 boolean,
    c775 boolean,
    c776 boolean,
    c777 boolean,
    c778 boolean,
    c779 boolean,
    c780 boolean,
    c781 boolean,
    c782 boolean,
    c783 boolean,
    c784 boolean,
    c785 boolean,
    c786 boolean,
    c787 boolean,
    c788 boolean,
    c789 boolean,
    c790 boolean,
    c791 boolean,
    c792 boolean,
    c793 boolean,
    c794 boolean,
    c795 boolean,
    c796 boolean,
    c797 boolean,
    c798 boolean,
    c799 boolean,
    c800 boolean,
    c801 boolean,
    c802 boolean,
    c803 boolean,
    c804 boolean,
    c805 boolean,
    c806 boolean,
    c807 boolean,
    c808 boolean,
    c809 boolean,
    c810 boolean,
    c811 boolean,
    c812 boolean,
    c813 boolean,
    c814 boolean,
    c815 boolean,
    c816 boolean,
    c817 boolean,
    c818 boolean,
    c819 boolean,
    c820 boolean,
    c821 boolean,
    c822 boolean,
    c823 boolean,
    c824 boolean,
    c825 boolean,
    c826 boolean,
    c827 boolean,
    c828 boolean,
    c829 boolean,
    c830 boolean,
    c831 boolean,
    c832 boolean,
    c833 boolean,
    c834 boolean,
    c835 boolean,
    c836 boolean,
    c837 boolean,
    c838 boolean,
    c839 boolean,
    c840 boolean,
    c841 boolean,
    c842 boolean,
    c843 boolean,
    c844 boolean,
    c845 boolean,
    c846 boolean,
    c847 boolean,
    c848 boolean,
    c849 boolean,
    c850 boolean,
    c851 boolean,
    c852 boolean,
    c853 boolean,
    c854 boolean,
    c855 boolean,
    c856 boolean,
    c857 boolean,
    c858 boolean,
    c859 boolean,
    c860 boolean,
    c861 boolean,
    c862 boolean,
    c863 boolean,
    c864 boolean,
    c865 boolean,
    c866 boolean,
    c867 boolean,
    c868 boolean,
    c869 boolean,
    c870 boolean,
    c871 boolean,
    c872 boolean,
    c873 boolean,
    c874 boolean,
    c875 boolean,
    c876 boolean,
    c877 boolean,
    c878 boolean,
    c879 boolean,
    c880 boolean,
    c881 boolean,
    c882 boolean,
    c883 boolean,
    c884 boolean,
    c885 boolean,
    c886 boolean,
    c887 boolean,
    c888 boolean,
    c889 boolean,
    c890 boolean,
    c891 boolean,
    c892 boolean,
    c893 boolean,
    c894 boolean,
    c895 boolean,
    c896 boolean,
    c897 boolean,
    c898 boolean,
    c899 boolean,
    c900 boolean,
    c901 boolean,
    c902 boolean,
    c903 boolean,
    c904 boolean,
    c905 boolean,
    c906 boolean,
    c907 boolean,
    c908 boolean,
    c909 boolean,
    c910 boolean,
    c911 boolean,
    c912 boolean,
    c913 boolean,
    c914 boolean,
    c915 boolean,
    c916 boolean,
    c917 boolean,
    c918 boolean,
    c919 boolean,
    c920 boolean,
    c921 boolean,
    c922 boolean,
    c923 boolean,
    c924 boolean,
    c925 boolean,
    c926 boolean,
    c927 boolean,
    c928 boolean,
    c929 boolean,
    c930 boolean,
    c931 boolean,
    c932 boolean,
    c933 boolean,
    c934 boolean,
    c935 boolean,
    c936 boolean,
    c937 boolean,
    c938 boolean,
    c939 boolean,
    c940 boolean,
    c941 boolean,
    c942 boolean,
    c943 boolean,
    c944 boolean,
    c945 boolean,
    c946 boolean,
    c947 boolean,
    c948 boolean,
    c949 boolean,
    c950 boolean,
    c951 boolean,
    c952 boolean,
    c953 boolean,
    c954 boolean,
    c955 boolean,
    c956 boolean,
    c957 boolean,
    c958 boolean,
    c959 boolean,
    c960 boolean,
    c961 boolean,
    c962 boolean,
    c963 boolean,
    c964 boolean,
    c965 boolean,
    c966 boolean,
    c967 boolean,
    c968 boolean,
    c969 boolean,
    c970 boolean,
    c971 boolean,
    c972 boolean,
    c973 boolean,
    c974 boolean,
    c975 boolean,
    c976 boolean,
    c977 boolean,
    c978 boolean,
    c979 boolean,
    c980 boolean,
    c981 boolean,
    c982 boolean,
    c983 boolean,
    c984 boolean,
    c985 boolean,
    c986 boolean,
    c987 boolean,
    c988 boolean,
    c989 boolean,
    c990 boolean,
    c991 boolean,
    c992 boolean,
    c993 boolean,
    c994 boolean,
    c995 boolean,
    c996 boolean,
    c997 boolean,
    c998 boolean,
    c999 boolean,
    c1000 boolean,
    c1001 boolean,
    c1002 boolean,
    c1003 boolean,
    c1004 boolean,
    c1005 boolean,
    c1006 boolean,
    c1007 boolean,
    c1008 boolean,
    c1009 boolean,
    c1010 boolean,
    c1011 boolean,
    c1012 boolean,
    c1013 boolean,
    c1014 boolean,
    c1015 boolean,
    c1016 boolean,
    c1017 boolean,
    c1018 boolean,
    c1019 boolean,
    c1020 boolean,
    c1021 boolean,
    c1022 boolean,
    c1023 boolean,
    c1024 boolean,
    c1025 boolean,
    c1026 boolean,
    c1027 boolean,
    c1028 boolean,
    c1029 boolean,
    c1030 boolean,
    c1031 boolean,
    c1032 boolean,
    c1033 boolean,
    c1034 boolean,
    c1035 boolean,
    c1036 boolean,
    c1037 boolean,
    c1038 boolean,
    c1039 boolean,
    c1040 boolean,
    c1041 boolean,
    c1042 boolean,
    c1043 boolean,
    c1044 boolean,
    c1045 boolean,
    c1046 boolean,
    c1047 boolean,
    c1048 boolean,
    c1049 boolean,
    c1050 boolean,
    c1051 boolean,
    c1052 boolean,
    c1053 boolean,
    c1054 boolean,
    c1055 boolean,
    c1056 boolean,
    c1057 boolean,
    c1058 boolean,
    c1059 boolean,
    c1060 boolean,
    c1061 boolean,
    c1062 boolean,
    c1063 boolean,
    c1064 boolean,
    c1065 boolean,
    c1066 boolean,
    c1067 boolean,
    c1068 boolean,
    c1069 boolean,
    c1070 boolean,
    c1071 boolean,
    c1072 boolean,
    c1073 boolean,
    c1074 boolean,
    c1075 boolean,
    c1076 boolean,
    c1077 boolean,
    c1078 boolean,
    c1079 boolean,
    c1080 boolean,
    c1081 boolean,
    c1082 boolean,
    c1083 boolean,
    c1084 boolean,
    c1085 boolean,
    c1086 boolean,
    c1087 boolean,
    c1088 boolean,
    c1089 boolean,
    c1090 boolean,
    c1091 boolean,
    c1092 boolean,
    c1093 boolean,
    c1094 boolean,
    c1095 boolean,
    c1096 boolean,
    c1097 boolean,
    c1098 boolean,
    c1099 boolean,
    c1100 boolean,
    lastc text
);



--
-- Name: f_star; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.f_star (
    ff polygon,
    f integer
)
INHERITS (public.e_star);



--
-- Name: fast_emp4000; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.fast_emp4000 (
    home_base box
);



--
-- Name: float8_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.float8_tbl (
    f1 double precision
);



--
-- Name: func_index_heap; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.func_index_heap (
    f1 text,
    f2 text
);



--
-- Name: functional_dependencies; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.functional_dependencies (
    filler1 text,
    filler2 numeric,
    a integer,
    b text,
    filler3 date,
    c numeric,
    d text
)
WITH (autovacuum_enabled=off);



--
-- Name: gtest0; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest0 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS (55) STORED
);



--
-- Name: gtest1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest1 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest10; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest10 (
    a integer NOT NULL
);



--
-- Name: gtest10a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest10a (
    a integer NOT NULL
);



--
-- Name: gtest1_1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest1_1 (
)
INHERITS (public.gtest1);



--
-- Name: gtest2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest2 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS (NULL::integer) STORED
);



--
-- Name: gtest20; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest20 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED,
    CONSTRAINT gtest20_b_check CHECK ((b < 50))
);



--
-- Name: gtest20a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest20a (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest20b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest20b (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest21a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest21a (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS (NULLIF(a, 0)) STORED NOT NULL
);



--
-- Name: gtest21b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest21b (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS (NULLIF(a, 0)) STORED
);



--
-- Name: gtest22a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest22a (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a / 2)) STORED
);



--
-- Name: gtest22b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest22b (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a / 2)) STORED NOT NULL
);



--
-- Name: gtest22c; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest22c (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest23p; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest23p (
    x integer,
    y integer GENERATED ALWAYS AS ((x * 2)) STORED NOT NULL
);



--
-- Name: gtest23q; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest23q (
    a integer NOT NULL,
    b integer
);



--
-- Name: gtest24; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest24 (
    a integer NOT NULL,
    b public.gtestdomain1 GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest24nn; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest24nn (
    a integer,
    b public.gtestdomainnn GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest25; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest25 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 3)) STORED,
    c integer DEFAULT 42,
    x integer GENERATED ALWAYS AS ((c * 4)) STORED,
    d double precision DEFAULT 101,
    y double precision GENERATED ALWAYS AS ((d * (4)::double precision)) STORED
);



--
-- Name: gtest26; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest26 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest27; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest27 (
    a bigint,
    b bigint,
    x bigint GENERATED ALWAYS AS (((a + b) * 2)) STORED
);



--
-- Name: gtest28a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest28a (
    b integer,
    c integer,
    x integer GENERATED ALWAYS AS ((b * 2)) STORED
);



--
-- Name: gtest28b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest28b (
    b integer,
    c integer,
    x integer GENERATED ALWAYS AS ((b * 2)) STORED
);



--
-- Name: gtest29; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest29 (
    b integer
);



--
-- Name: gtest3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest3 (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 3)) STORED
);



--
-- Name: gtest30; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest30 (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: gtest30_1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest30_1 (
)
INHERITS (public.gtest30);



--
-- Name: gtest3a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest3a (
    a text,
    b text GENERATED ALWAYS AS (((a || '+'::text) || a)) STORED
);



--
-- Name: gtest_normal; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest_normal (
    a integer,
    b integer
);



--
-- Name: gtest_normal_child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest_normal_child (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
)
INHERITS (public.gtest_normal);



--
-- Name: gtest_normal_child2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest_normal_child2 (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 3)) STORED
)
INHERITS (public.gtest_normal);



--
-- Name: gtest_tableoid; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtest_tableoid (
    a integer NOT NULL,
    b boolean GENERATED ALWAYS AS ((tableoid = ('public.gtest_tableoid'::regclass)::oid)) STORED,
    c regclass GENERATED ALWAYS AS (tableoid) STORED
);



--
-- Name: gtestxx_1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtestxx_1 (
    a integer NOT NULL,
    b integer
);



--
-- Name: gtestxx_2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtestxx_2 (
    a integer NOT NULL,
    b integer GENERATED ALWAYS AS ((a * 22)) STORED
);



--
-- Name: gtestxx_3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtestxx_3 (
    a integer,
    b integer
)
INHERITS (public.gtest1);



--
-- Name: gtestxx_4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gtestxx_4 (
    b integer,
    a integer
)
INHERITS (public.gtest1);



--
-- Name: has_fast_default; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.has_fast_default (
    f1 integer,
    f2 integer DEFAULT 42
);



--
-- Name: identity_dump_logged; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.identity_dump_logged (
    a integer NOT NULL
);



--
-- Name: identity_dump_logged_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.identity_dump_logged ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_dump_logged_a_seq
    UNLOGGED
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_dump_unlogged; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.identity_dump_unlogged (
    a integer NOT NULL
);



--
-- Name: identity_dump_unlogged_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.identity_dump_unlogged ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.identity_dump_unlogged_a_seq
    LOGGED
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: road; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.road (
    name text,
    thepath path
);



--
-- Name: ihighway; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ihighway (
)
INHERITS (public.road);



--
-- Name: inh_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.inh_test (
    a integer,
    b character(1) NOT NULL
);



--
-- Name: inhf; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.inhf (
    xx text DEFAULT 'text'::text
);



--
-- Name: inhx; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.inhx (
    xx text DEFAULT 'text'::text NOT NULL,
    CONSTRAINT foo CHECK ((xx = 'text'::text))
);



--
-- Name: insert_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.insert_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: insert_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.insert_tbl (
    x integer DEFAULT nextval('public.insert_seq'::regclass),
    y text DEFAULT '-NULL-'::text,
    z integer DEFAULT ('-1'::integer * currval('public.insert_seq'::regclass)),
    CONSTRAINT insert_tbl_check CHECK (((x + z) = 0)),
    CONSTRAINT insert_tbl_con CHECK (((x >= 3) AND (y <> 'check failed'::text) AND (x < 8)))
);



--
-- Name: int2_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.int2_tbl (
    f1 smallint
);



--
-- Name: int4_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.int4_tbl (
    f1 integer
);



--
-- Name: int8_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.int8_tbl (
    q1 bigint,
    q2 bigint
);



--
-- Name: invalid_check_con; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.invalid_check_con (
    f1 integer
);



--
-- Name: invalid_check_con_child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.invalid_check_con_child (
    CONSTRAINT inh_check_constraint CHECK ((f1 > 0))
)
INHERITS (public.invalid_check_con);



--
-- Name: itest1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest1 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest10; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest10 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest10_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest10 ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest10_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest11; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest11 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest11_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest11 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest11_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest13; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest13 (
    a integer,
    b integer NOT NULL,
    c integer NOT NULL
);



--
-- Name: itest13_b_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest13 ALTER COLUMN b ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest13_b_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest13_c_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest13 ALTER COLUMN c ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest13_c_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest14; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest14 (
    id integer NOT NULL
);



--
-- Name: itest14_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.itest14_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: itest14_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.itest14_id_seq OWNED BY public.itest14.id;


--
-- Name: itest14_id_seq1; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest14 ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest14_id_seq1
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest17; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.itest17 (
    a integer NOT NULL,
    b text,
    c integer NOT NULL
);



--
-- Name: itest17_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest17 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest17_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest17_c_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest17 ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest17_c_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest18; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.itest18 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest18_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest18 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest18_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest1_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest1 ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest1_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest2 (
    a bigint NOT NULL,
    b text
);



--
-- Name: itest2_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest2 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest2_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest3 (
    a integer NOT NULL,
    b text,
    c integer NOT NULL
);



--
-- Name: itest3_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest3 ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest3_a_seq
    START WITH 7
    INCREMENT BY 5
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest3_c_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest3 ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest3_c_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest4 (
    a integer,
    b text DEFAULT ''::text
);



--
-- Name: itest5; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest5 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest5_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.itest5_a_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: itest5_a_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.itest5_a_seq OWNED BY public.itest5.a;


--
-- Name: itest6; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest6 (
    a integer NOT NULL,
    b text
);



--
-- Name: itest6_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest6 ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.itest6_a_seq
    START WITH 100
    INCREMENT BY 2
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest7; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7 (
    a integer NOT NULL
);



--
-- Name: itest7a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7a (
    b text
)
INHERITS (public.itest7);



--
-- Name: itest7b; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7b (
    a integer
);



--
-- Name: itest7c; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7c (
    a integer NOT NULL
)
INHERITS (public.itest7b);



--
-- Name: itest7c_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest7c ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest7c_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest7d; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7d (
    a integer NOT NULL
);



--
-- Name: itest7d_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest7d ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest7d_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: itest7e; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest7e (
)
INHERITS (public.itest7d);



--
-- Name: itest9; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.itest9 (
    a integer NOT NULL,
    b text,
    c bigint
);



--
-- Name: itest9_a_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.itest9 ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.itest9_a_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: key_dependent_view; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.key_dependent_view AS
SELECT
    NULL::integer AS key,
    NULL::character varying(20) AS data;



--
-- Name: key_dependent_view_no_cols; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.key_dependent_view_no_cols AS
SELECT;



--
-- Name: log_table; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.log_table (
    tstamp timestamp without time zone DEFAULT (timeofday())::timestamp without time zone
);



--
-- Name: main_table; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.main_table (
    a integer,
    b integer
);



--
-- Name: mcv_lists; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.mcv_lists (
    filler1 text,
    filler2 numeric,
    a integer,
    b character varying,
    filler3 date,
    c numeric,
    d character varying(64),
    ia integer[]
)
WITH (autovacuum_enabled=off);



--
-- Name: mcv_lists_arrays; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.mcv_lists_arrays (
    a text[],
    b numeric[],
    c integer[]
)
WITH (autovacuum_enabled=off);



--
-- Name: mcv_lists_bool; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.mcv_lists_bool (
    a boolean,
    b boolean,
    c boolean
)
WITH (autovacuum_enabled=off);



--
-- Name: mvtest_tvv; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.mvtest_tvv AS
 SELECT sum(mvtest_tv.totamt) AS grandtot
   FROM public.mvtest_tv;



--
-- Name: mvtest_tvvm; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mvtest_tvvm AS
 SELECT mvtest_tvv.grandtot
   FROM public.mvtest_tvv
  WITH NO DATA;



--
-- Name: mvtest_tvvmv; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.mvtest_tvvmv AS
 SELECT mvtest_tvvm.grandtot
   FROM public.mvtest_tvvm;



--
-- Name: mvtest_bb; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mvtest_bb AS
 SELECT mvtest_tvvmv.grandtot
   FROM public.mvtest_tvvmv
  WITH NO DATA;



--
-- Name: mvtest_tm; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mvtest_tm AS
 SELECT mvtest_t.type,
    sum(mvtest_t.amt) AS totamt
   FROM public.mvtest_t
  GROUP BY mvtest_t.type
  WITH NO DATA;



--
-- Name: mvtest_tmm; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mvtest_tmm AS
 SELECT sum(mvtest_tm.totamt) AS grandtot
   FROM public.mvtest_tm
  WITH NO DATA;



--
-- Name: mvtest_tvmm; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mvtest_tvmm AS
 SELECT sum(mvtest_tvm.totamt) AS grandtot
   FROM mvtest_mvschema.mvtest_tvm
  WITH NO DATA;



--
-- Name: ndistinct; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ndistinct (
    filler1 text,
    filler2 numeric,
    a integer,
    b integer,
    filler3 date,
    c integer,
    d integer
)
WITH (autovacuum_enabled=off);



--
-- Name: numrange_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.numrange_test (
    nr numrange
);



--
-- Name: nv_parent; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nv_parent (
    d date,
    CONSTRAINT nv_parent_check CHECK (false) NO INHERIT
);



--
-- Name: nv_child_2009; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nv_child_2009 (
    CONSTRAINT nv_child_2009_d_check CHECK (((d >= '2009-01-01'::date) AND (d <= '2009-12-31'::date)))
)
INHERITS (public.nv_parent);



--
-- Name: nv_child_2010; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nv_child_2010 (
)
INHERITS (public.nv_parent);



--
-- Name: nv_child_2011; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nv_child_2011 (
    CONSTRAINT nv_child_2011_d_check CHECK (((d >= '2011-01-01'::date) AND (d <= '2011-12-31'::date)))
)
INHERITS (public.nv_parent);



--
-- Name: onek; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.onek (
    unique1 integer,
    unique2 integer,
    two integer,
    four integer,
    ten integer,
    twenty integer,
    hundred integer,
    thousand integer,
    twothousand integer,
    fivethous integer,
    tenthous integer,
    odd integer,
    even integer,
    stringu1 name,
    stringu2 name,
    string4 name
);



--
-- Name: onek2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.onek2 (
    unique1 integer,
    unique2 integer,
    two integer,
    four integer,
    ten integer,
    twenty integer,
    hundred integer,
    thousand integer,
    twothousand integer,
    fivethous integer,
    tenthous integer,
    odd integer,
    even integer,
    stringu1 name,
    stringu2 name,
    string4 name
);



--
-- Name: part; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part (
    a integer,
    b integer
)
PARTITION BY LIST (a);



--
-- Name: part_7; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_7 (
    a integer,
    b character(1)
)
PARTITION BY LIST (b);



--
-- Name: part_7_a_null; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_7_a_null (
    a integer,
    b character(1),
    CONSTRAINT check_b CHECK (((b IS NULL) OR (b = 'a'::bpchar)))
);



--
-- Name: part_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_p1 (
    a integer,
    b integer
);



--
-- Name: part_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_p2 (
    a integer,
    b integer
)
PARTITION BY RANGE (a);



--
-- Name: part_p2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_p2_p1 (
    a integer,
    b integer
);



--
-- Name: part_rev; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_rev (
    b integer,
    a integer
);



--
-- Name: part_rp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_rp (
    a integer,
    CONSTRAINT part_rp_a_check CHECK (((a IS NOT NULL) AND (a >= 0) AND (a < 100)))
);



--
-- Name: part_rp100; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_rp100 (
    a integer,
    CONSTRAINT part_rp100_a_check CHECK (((a >= 123) AND (a < 133) AND (a IS NOT NULL)))
);



--
-- Name: partr_def2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.partr_def2 (
    a integer NOT NULL,
    b integer NOT NULL,
    CONSTRAINT part1_a_check CHECK ((a = 1)),
    CONSTRAINT part1_b_check CHECK (((b >= 1) AND (b <= 10)))
);



--
-- Name: perm_part_child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.perm_part_child (
    a integer
);



--
-- Name: persons; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.persons OF public.person_type;



--
-- Name: persons2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.persons2 OF public.person_type (
    id NOT NULL
);



--
-- Name: persons3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.persons3 OF public.person_type (
    id NOT NULL,
    name DEFAULT ''::text NOT NULL
);



--
-- Name: pht1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1 (
    a integer,
    b integer,
    c text
)
PARTITION BY HASH (c);



--
-- Name: pht1_e; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_e (
    a integer,
    b integer,
    c text
)
PARTITION BY HASH (ltrim(c, 'A'::text));



--
-- Name: pht1_e_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_e_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht1_e_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_e_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht1_e_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_e_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht1_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht1_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht1_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht1_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht2 (
    a integer,
    b integer,
    c text
)
PARTITION BY HASH (c);



--
-- Name: pht2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht2_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht2_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht2_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: pht2_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pht2_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1 (
    a integer,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: plt1_e; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_e (
    a integer,
    b integer,
    c text
)
PARTITION BY LIST (ltrim(c, 'A'::text));



--
-- Name: plt1_e_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_e_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1_e_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_e_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1_e_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_e_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt1_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt1_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt2 (
    a integer,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: plt2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt2_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt2_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt2_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: plt2_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plt2_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: point_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.point_tbl (
    f1 point
);



--
-- Name: prt1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (a);



--
-- Name: prt1_e; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_e (
    a integer,
    b integer,
    c integer
)
PARTITION BY RANGE ((((a + b) / 2)));



--
-- Name: prt1_e_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_e_p1 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_e_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_e_p2 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_e_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_e_p3 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_l; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (a);



--
-- Name: prt1_l_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_l_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p2 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY LIST (c);



--
-- Name: prt1_l_p2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p2_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_l_p2_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p2_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_l_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p3 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (b);



--
-- Name: prt1_l_p3_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p3_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_l_p3_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_l_p3_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_m; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_m (
    a integer,
    b integer,
    c integer
)
PARTITION BY RANGE (a, (((a + b) / 2)));



--
-- Name: prt1_m_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_m_p1 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_m_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_m_p2 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_m_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_m_p3 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt1_n; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_n (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (c);



--
-- Name: prt1_n_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_n_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_n_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_n_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt1_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt1_p3 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (b);



--
-- Name: prt2_e; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_e (
    a integer,
    b integer,
    c integer
)
PARTITION BY RANGE ((((b + a) / 2)));



--
-- Name: prt2_e_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_e_p1 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_e_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_e_p2 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_e_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_e_p3 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_l; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (b);



--
-- Name: prt2_l_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_l_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p2 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY LIST (c);



--
-- Name: prt2_l_p2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p2_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_l_p2_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p2_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_l_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p3 (
    a integer,
    b integer,
    c character varying
)
PARTITION BY RANGE (a);



--
-- Name: prt2_l_p3_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p3_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_l_p3_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_l_p3_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_m; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_m (
    a integer,
    b integer,
    c integer
)
PARTITION BY RANGE ((((b + a) / 2)), b);



--
-- Name: prt2_m_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_m_p1 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_m_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_m_p2 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_m_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_m_p3 (
    a integer,
    b integer,
    c integer
);



--
-- Name: prt2_n; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_n (
    a integer,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: prt2_n_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_n_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt2_n_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_n_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt2_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_p1 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_p2 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt2_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt2_p3 (
    a integer,
    b integer,
    c character varying
);



--
-- Name: prt3_n; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt3_n (
    a integer,
    b integer,
    c text
)
PARTITION BY LIST (c);



--
-- Name: prt3_n_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt3_n_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt3_n_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt3_n_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt3_n_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt3_n_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt4_n; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt4_n (
    a integer,
    b integer,
    c text
)
PARTITION BY RANGE (a);



--
-- Name: prt4_n_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt4_n_p1 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt4_n_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt4_n_p2 (
    a integer,
    b integer,
    c text
);



--
-- Name: prt4_n_p3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.prt4_n_p3 (
    a integer,
    b integer,
    c text
);



--
-- Name: ramp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ramp (
    name text,
    thepath path
);



--
-- Name: real_city; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.real_city (
    pop integer,
    cname text,
    outline path
);



--
-- Name: regress_constr_partitioned; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.regress_constr_partitioned (
    a integer
)
PARTITION BY LIST (a);



--
-- Name: regress_constr_partition1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.regress_constr_partition1 (
    a integer NOT NULL
);



--
-- Name: renamecolumn; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.renamecolumn (
    d integer,
    w integer
);



--
-- Name: renamecolumnchild; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.renamecolumnchild (
    a integer
)
INHERITS (public.renamecolumn);



--
-- Name: renamecolumnanother; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.renamecolumnanother (
    c integer
)
INHERITS (public.renamecolumnchild);



--
-- Name: rewritemetoo1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rewritemetoo1 OF public.rewritetype;



--
-- Name: rewritemetoo2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rewritemetoo2 OF public.rewritetype;



--
-- Name: rewritemetoo3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rewritemetoo3 (
    a public.rewritetype
);



--
-- Name: rtest_admin; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_admin (
    pname text,
    sysname text
);



--
-- Name: rtest_comp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_comp (
    part text,
    unit character(4),
    size double precision
);



--
-- Name: rtest_emp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_emp (
    ename character(20),
    salary money
);



--
-- Name: rtest_emplog; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_emplog (
    ename character(20),
    who name,
    action character(10),
    newsal money,
    oldsal money
);



--
-- Name: rtest_empmass; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_empmass (
    ename character(20),
    salary money
);



--
-- Name: rtest_interface; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_interface (
    sysname text,
    ifname text
);



--
-- Name: rtest_nothn1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_nothn1 (
    a integer,
    b text
);



--
-- Name: rtest_nothn2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_nothn2 (
    a integer,
    b text
);



--
-- Name: rtest_nothn3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_nothn3 (
    a integer,
    b text
);



--
-- Name: rtest_nothn4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_nothn4 (
    a integer,
    b text
);



--
-- Name: rtest_order1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_order1 (
    a integer
);



--
-- Name: rtest_order2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_order2 (
    a integer,
    b integer,
    c text
);



--
-- Name: rtest_person; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_person (
    pname text,
    pdesc text
);



--
-- Name: rtest_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.rtest_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: rtest_system; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_system (
    sysname text,
    sysdesc text
);



--
-- Name: rtest_t1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t1 (
    a integer,
    b integer
);



--
-- Name: rtest_t2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t2 (
    a integer,
    b integer
);



--
-- Name: rtest_t3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t3 (
    a integer,
    b integer
);



--
-- Name: rtest_t4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t4 (
    a integer,
    b text
);



--
-- Name: rtest_t5; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t5 (
    a integer,
    b text
);



--
-- Name: rtest_t6; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t6 (
    a integer,
    b text
);



--
-- Name: rtest_t7; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t7 (
    a integer,
    b text
);



--
-- Name: rtest_t8; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t8 (
    a integer,
    b text
);



--
-- Name: rtest_t9; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_t9 (
    a integer,
    b text
);



--
-- Name: rtest_unitfact; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_unitfact (
    unit character(4),
    factor double precision
);



--
-- Name: rtest_v1; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_v1 AS
 SELECT rtest_t1.a,
    rtest_t1.b
   FROM public.rtest_t1;



--
-- Name: rtest_vcomp; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vcomp AS
 SELECT x.part,
    (x.size * y.factor) AS size_in_cm
   FROM public.rtest_comp x,
    public.rtest_unitfact y
  WHERE (x.unit = y.unit);



--
-- Name: rtest_view1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_view1 (
    a integer,
    b text,
    v boolean
);



--
-- Name: rtest_view2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_view2 (
    a integer
);



--
-- Name: rtest_view3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_view3 (
    a integer,
    b text
);



--
-- Name: rtest_view4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rtest_view4 (
    a integer,
    b text,
    c integer
);



--
-- Name: rtest_vview1; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vview1 AS
 SELECT x.a,
    x.b
   FROM public.rtest_view1 x
  WHERE (0 < ( SELECT count(*) AS count
           FROM public.rtest_view2 y
          WHERE (y.a = x.a)));



--
-- Name: rtest_vview2; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vview2 AS
 SELECT rtest_view1.a,
    rtest_view1.b
   FROM public.rtest_view1
  WHERE rtest_view1.v;



--
-- Name: rtest_vview3; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vview3 AS
 SELECT x.a,
    x.b
   FROM public.rtest_vview2 x
  WHERE (0 < ( SELECT count(*) AS count
           FROM public.rtest_view2 y
          WHERE (y.a = x.a)));



--
-- Name: rtest_vview4; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vview4 AS
 SELECT x.a,
    x.b,
    count(y.a) AS refcount
   FROM public.rtest_view1 x,
    public.rtest_view2 y
  WHERE (x.a = y.a)
  GROUP BY x.a, x.b;



--
-- Name: rtest_vview5; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rtest_vview5 AS
 SELECT rtest_view1.a,
    rtest_view1.b,
    public.rtest_viewfunc1(rtest_view1.a) AS refcount
   FROM public.rtest_view1;



--
-- Name: rule_and_refint_t1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rule_and_refint_t1 (
    id1a integer NOT NULL,
    id1b integer NOT NULL
);



--
-- Name: rule_and_refint_t2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rule_and_refint_t2 (
    id2a integer NOT NULL,
    id2c integer NOT NULL
);



--
-- Name: rule_and_refint_t3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rule_and_refint_t3 (
    id3a integer NOT NULL,
    id3b integer NOT NULL,
    id3c integer NOT NULL,
    data text
);



--
-- Name: rule_merge1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rule_merge1 (
    a integer,
    b text
);



--
-- Name: rule_merge2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rule_merge2 (
    a integer,
    b text
);



--
-- Name: rules_log; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rules_log (
    f1 integer,
    f2 integer,
    tag text,
    id integer NOT NULL
);



--
-- Name: rules_log_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.rules_log_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: rules_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.rules_log_id_seq OWNED BY public.rules_log.id;


--
-- Name: rules_src; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.rules_src (
    f1 integer,
    f2 integer DEFAULT 0
);



--
-- Name: ruletest_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ruletest_tbl (
    a integer,
    b integer
);



--
-- Name: ruletest_tbl2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ruletest_tbl2 (
    a integer,
    b integer
);



--
-- Name: shighway; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shighway (
    surface text
)
INHERITS (public.road);



--
-- Name: shoe_data; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shoe_data (
    shoename character(10),
    sh_avail integer,
    slcolor character(10),
    slminlen double precision,
    slmaxlen double precision,
    slunit character(8)
);



--
-- Name: unit; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.unit (
    un_name character(8),
    un_fact double precision
);



--
-- Name: shoe; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.shoe AS
 SELECT sh.shoename,
    sh.sh_avail,
    sh.slcolor,
    sh.slminlen,
    (sh.slminlen * un.un_fact) AS slminlen_cm,
    sh.slmaxlen,
    (sh.slmaxlen * un.un_fact) AS slmaxlen_cm,
    sh.slunit
   FROM public.shoe_data sh,
    public.unit un
  WHERE (sh.slunit = un.un_name);



--
-- Name: shoelace_data; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shoelace_data (
    sl_name character(10),
    sl_avail integer,
    sl_color character(10),
    sl_len double precision,
    sl_unit character(8)
);



--
-- Name: shoelace; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.shoelace AS
 SELECT s.sl_name,
    s.sl_avail,
    s.sl_color,
    s.sl_len,
    s.sl_unit,
    (s.sl_len * u.un_fact) AS sl_len_cm
   FROM public.shoelace_data s,
    public.unit u
  WHERE (s.sl_unit = u.un_name);



--
-- Name: shoe_ready; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.shoe_ready AS
 SELECT rsh.shoename,
    rsh.sh_avail,
    rsl.sl_name,
    rsl.sl_avail,
    int4smaller(rsh.sh_avail, rsl.sl_avail) AS total_avail
   FROM public.shoe rsh,
    public.shoelace rsl
  WHERE ((rsl.sl_color = rsh.slcolor) AND (rsl.sl_len_cm >= rsh.slminlen_cm) AND (rsl.sl_len_cm <= rsh.slmaxlen_cm));



--
-- Name: shoelace_arrive; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shoelace_arrive (
    arr_name character(10),
    arr_quant integer
);



--
-- Name: shoelace_obsolete; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.shoelace_obsolete AS
 SELECT shoelace.sl_name,
    shoelace.sl_avail,
    shoelace.sl_color,
    shoelace.sl_len,
    shoelace.sl_unit,
    shoelace.sl_len_cm
   FROM public.shoelace
  WHERE (NOT (EXISTS ( SELECT shoe.shoename
           FROM public.shoe
          WHERE (shoe.slcolor = shoelace.sl_color))));



--
-- Name: shoelace_candelete; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.shoelace_candelete AS
 SELECT shoelace_obsolete.sl_name,
    shoelace_obsolete.sl_avail,
    shoelace_obsolete.sl_color,
    shoelace_obsolete.sl_len,
    shoelace_obsolete.sl_unit,
    shoelace_obsolete.sl_len_cm
   FROM public.shoelace_obsolete
  WHERE (shoelace_obsolete.sl_avail = 0);



--
-- Name: shoelace_log; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shoelace_log (
    sl_name character(10),
    sl_avail integer,
    log_who name,
    log_when timestamp without time zone
);



--
-- Name: shoelace_ok; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shoelace_ok (
    ok_name character(10),
    ok_quant integer
);



--
-- Name: skip_wal_skip_rewrite_index; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.skip_wal_skip_rewrite_index (
    c character varying(20) NOT NULL
);



--
-- Name: slow_emp4000; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.slow_emp4000 (
    home_base box
);



--
-- Name: street; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.street AS
 SELECT r.name,
    r.thepath,
    c.cname
   FROM ONLY public.road r,
    public.real_city c
  WHERE (c.outline ?# r.thepath);



--
-- Name: student; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.student (
    gpa double precision
)
INHERITS (public.person);



--
-- Name: stud_emp; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.stud_emp (
    percent integer
)
INHERITS (public.emp, public.student);



--
-- Name: tableam_parted_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_parted_heap2 (
    a text,
    b integer
)
PARTITION BY LIST (a);



--
-- Name: tableam_parted_a_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_parted_a_heap2 (
    a text,
    b integer
);



SET default_table_access_method = heap2;

--
-- Name: tableam_parted_b_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_parted_b_heap2 (
    a text,
    b integer
);



SET default_table_access_method = heap;

--
-- Name: tableam_parted_c_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_parted_c_heap2 (
    a text,
    b integer
);



SET default_table_access_method = heap2;

--
-- Name: tableam_parted_d_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_parted_d_heap2 (
    a text,
    b integer
);



--
-- Name: tableam_tbl_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_tbl_heap2 (
    f1 integer
);



--
-- Name: tableam_tblas_heap2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tableam_tblas_heap2 (
    f1 integer
);



--
-- Name: tableam_tblmv_heap2; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.tableam_tblmv_heap2 AS
 SELECT tableam_tbl_heap2.f1
   FROM public.tableam_tbl_heap2
  WITH NO DATA;



--
-- Name: target_parted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.target_parted (
    a integer,
    b integer
)
PARTITION BY LIST (a);



SET default_table_access_method = heap;

--
-- Name: tbl_include_box; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_box (
    c1 integer NOT NULL,
    c2 integer NOT NULL,
    c3 integer,
    c4 box
);



--
-- Name: tbl_include_box_pk; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_box_pk (
    c1 integer,
    c2 integer,
    c3 integer,
    c4 box
);



--
-- Name: tbl_include_pk; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_pk (
    c1 integer NOT NULL,
    c2 integer NOT NULL,
    c3 integer,
    c4 box
);



--
-- Name: tbl_include_reg; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_reg (
    c1 integer,
    c2 integer,
    c3 integer,
    c4 box
);



--
-- Name: tbl_include_unique1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_unique1 (
    c1 integer,
    c2 integer,
    c3 integer,
    c4 box
);



--
-- Name: tbl_include_unique2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tbl_include_unique2 (
    c1 integer,
    c2 integer,
    c3 integer,
    c4 box
);



--
-- Name: tenk1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tenk1 (
    unique1 integer,
    unique2 integer,
    two integer,
    four integer,
    ten integer,
    twenty integer,
    hundred integer,
    thousand integer,
    twothousand integer,
    fivethous integer,
    tenthous integer,
    odd integer,
    even integer,
    stringu1 name,
    stringu2 name,
    string4 name
);



--
-- Name: tenk2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tenk2 (
    unique1 integer,
    unique2 integer,
    two integer,
    four integer,
    ten integer,
    twenty integer,
    hundred integer,
    thousand integer,
    twothousand integer,
    fivethous integer,
    tenthous integer,
    odd integer,
    even integer,
    stringu1 name,
    stringu2 name,
    string4 name
);



--
-- Name: test_inh_check; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_inh_check (
    a numeric,
    b numeric,
    CONSTRAINT bmerged CHECK (((b)::double precision > (1)::double precision)),
    CONSTRAINT bnoinherit CHECK (((b)::double precision > (100)::double precision)) NO INHERIT,
    CONSTRAINT test_inh_check_a_check CHECK (((a)::double precision > (10.2)::double precision))
);



--
-- Name: test_inh_check_child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_inh_check_child (
    CONSTRAINT blocal CHECK (((b)::double precision < (1000)::double precision)),
    CONSTRAINT bmerged CHECK (((b)::double precision > (1)::double precision))
)
INHERITS (public.test_inh_check);



--
-- Name: test_range_excl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_range_excl (
    room int4range,
    speaker int4range,
    during tsrange
);



--
-- Name: test_range_gist; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_range_gist (
    ir int4range
);



--
-- Name: test_range_spgist; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_range_spgist (
    ir int4range
);



--
-- Name: test_storage; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_storage (
    a text,
    b integer DEFAULT (random())::integer
);
ALTER TABLE ONLY public.test_storage ALTER COLUMN a SET STORAGE EXTERNAL;



--
-- Name: test_tbl3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_tbl3 (
    c public.test_type3
);



--
-- Name: test_tsquery; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_tsquery (
    txtkeyword text,
    txtsample text,
    keyword tsquery,
    sample tsquery
);



--
-- Name: test_tsvector; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_tsvector (
    t text,
    a tsvector
);



--
-- Name: test_type_diff; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff (
    f1 integer,
    f2 bigint
);



--
-- Name: test_type_diff2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff2 (
    int_two smallint,
    int_four bigint,
    int_eight bigint
);



--
-- Name: test_type_diff2_c1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff2_c1 (
    int_four bigint,
    int_eight bigint,
    int_two smallint
)
INHERITS (public.test_type_diff2);



--
-- Name: test_type_diff2_c2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff2_c2 (
    int_eight bigint,
    int_two smallint,
    int_four bigint
)
INHERITS (public.test_type_diff2);



--
-- Name: test_type_diff2_c3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff2_c3 (
    int_two smallint,
    int_four bigint,
    int_eight bigint
)
INHERITS (public.test_type_diff2);



--
-- Name: test_type_diff_c; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.test_type_diff_c (
    extra smallint
)
INHERITS (public.test_type_diff);



--
-- Name: text_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.text_tbl (
    f1 text
);



--
-- Name: textrange_test; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.textrange_test (
    tr public.textrange
);



--
-- Name: thethings; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.thethings (
    stuff public.things
);



--
-- Name: toyemp; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.toyemp AS
 SELECT emp.name,
    emp.age,
    emp.location,
    (12 * emp.salary) AS annualsal
   FROM public.emp;



--
-- Name: trigger_parted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.trigger_parted (
    a integer NOT NULL
)
PARTITION BY LIST (a);



--
-- Name: trigger_parted_p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.trigger_parted_p1 (
    a integer NOT NULL
)
PARTITION BY LIST (a);



--
-- Name: trigger_parted_p1_1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.trigger_parted_p1_1 (
    a integer NOT NULL
);



--
-- Name: trigger_parted_p2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.trigger_parted_p2 (
    a integer NOT NULL
)
PARTITION BY LIST (a);



--
-- Name: trigger_parted_p2_2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.trigger_parted_p2_2 (
    a integer NOT NULL
);



--
-- Name: tt0; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt0 OF public.tt_t0 (
    x NOT NULL
);



--
-- Name: tt1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt1 (
    x integer,
    y bigint
);



--
-- Name: tt2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt2 (
    x integer,
    y numeric(9,2)
);



--
-- Name: tt3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt3 (
    y numeric(8,2),
    x integer
);



--
-- Name: tt4; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt4 (
    x integer
);



--
-- Name: tt5; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt5 (
    x integer,
    y numeric(8,2),
    z integer
);



--
-- Name: tt6; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt6 (
)
INHERITS (public.tt0);



--
-- Name: tt7; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt7 (
    x integer,
    y numeric(8,2)
);



--
-- Name: undroppable_objs; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.undroppable_objs (
    object_type text,
    object_identity text
);



--
-- Name: varchar_tbl; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.varchar_tbl (
    f1 character varying(4)
);



--
-- Name: view_base_table; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.view_base_table (
    key integer NOT NULL,
    data character varying(20)
);



--
-- Name: xy_1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.xy_1 (
    x integer,
    y integer
);



--
-- Name: t0; Type: TABLE; Schema: pubme; Owner: postgres
--

CREATE TABLE pubme.t0 (
    c integer,
    d integer
);



--
-- Name: t1; Type: TABLE; Schema: pubme; Owner: postgres
--

CREATE TABLE pubme.t1 (
    c integer
);



--
-- Name: t0; Type: TABLE; Schema: pubme2; Owner: postgres
--

CREATE TABLE pubme2.t0 (
    c integer,
    d integer
);



--
-- Name: rls_tbl; Type: TABLE; Schema: regress_rls_schema; Owner: postgres
--

CREATE TABLE regress_rls_schema.rls_tbl (
    c1 integer
);



--
-- Name: rls_tbl_force; Type: TABLE; Schema: regress_rls_schema; Owner: postgres
--

CREATE TABLE regress_rls_schema.rls_tbl_force (
    c1 integer
);

ALTER TABLE ONLY regress_rls_schema.rls_tbl_force FORCE ROW LEVEL SECURITY;



--
-- Name: alpha_neg; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha ATTACH PARTITION public.alpha_neg FOR VALUES FROM ('-Infinity') TO ('0');


--
-- Name: alpha_neg_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_neg ATTACH PARTITION public.alpha_neg_p1 FOR VALUES FROM (100) TO (200);


--
-- Name: alpha_neg_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_neg ATTACH PARTITION public.alpha_neg_p2 FOR VALUES FROM (200) TO (300);


--
-- Name: alpha_neg_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_neg ATTACH PARTITION public.alpha_neg_p3 FOR VALUES FROM (300) TO (400);


--
-- Name: alpha_pos; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha ATTACH PARTITION public.alpha_pos FOR VALUES FROM ('0') TO ('10');


--
-- Name: alpha_pos_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_pos ATTACH PARTITION public.alpha_pos_p1 FOR VALUES IN ('0001', '0003');


--
-- Name: alpha_pos_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_pos ATTACH PARTITION public.alpha_pos_p2 FOR VALUES IN ('0004', '0006');


--
-- Name: alpha_pos_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alpha_pos ATTACH PARTITION public.alpha_pos_p3 FOR VALUES IN ('0008', '0009');


--
-- Name: attach_parted_part1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.attach_parted ATTACH PARTITION public.attach_parted_part1 FOR VALUES IN (1);


--
-- Name: bar2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.bar1 ATTACH PARTITION public.bar2 DEFAULT;


--
-- Name: beta_neg; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta ATTACH PARTITION public.beta_neg FOR VALUES FROM ('-10') TO ('0');


--
-- Name: beta_neg_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_neg ATTACH PARTITION public.beta_neg_p1 FOR VALUES FROM (100) TO (150);


--
-- Name: beta_neg_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_neg ATTACH PARTITION public.beta_neg_p2 FOR VALUES FROM (200) TO (300);


--
-- Name: beta_neg_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_neg ATTACH PARTITION public.beta_neg_p3 FOR VALUES FROM (350) TO (500);


--
-- Name: beta_pos; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta ATTACH PARTITION public.beta_pos FOR VALUES FROM ('0') TO ('Infinity');


--
-- Name: beta_pos_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_pos ATTACH PARTITION public.beta_pos_p1 FOR VALUES IN ('0002', '0003');


--
-- Name: beta_pos_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_pos ATTACH PARTITION public.beta_pos_p2 FOR VALUES IN ('0004', '0006');


--
-- Name: beta_pos_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.beta_pos ATTACH PARTITION public.beta_pos_p3 FOR VALUES IN ('0007', '0009');


--
-- Name: part_7_a_null; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part_7 ATTACH PARTITION public.part_7_a_null FOR VALUES IN ('a', NULL);


--
-- Name: part_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part ATTACH PARTITION public.part_p1 FOR VALUES IN ('-2', '-1', 0, 1, 2);


--
-- Name: part_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part ATTACH PARTITION public.part_p2 DEFAULT;


--
-- Name: part_p2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part_p2 ATTACH PARTITION public.part_p2_p1 DEFAULT;


--
-- Name: part_rev; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part ATTACH PARTITION public.part_rev FOR VALUES IN (3);


--
-- Name: pht1_e_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1_e ATTACH PARTITION public.pht1_e_p1 FOR VALUES WITH (modulus 3, remainder 0);


--
-- Name: pht1_e_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1_e ATTACH PARTITION public.pht1_e_p2 FOR VALUES WITH (modulus 3, remainder 1);


--
-- Name: pht1_e_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1_e ATTACH PARTITION public.pht1_e_p3 FOR VALUES WITH (modulus 3, remainder 2);


--
-- Name: pht1_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1 ATTACH PARTITION public.pht1_p1 FOR VALUES WITH (modulus 3, remainder 0);


--
-- Name: pht1_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1 ATTACH PARTITION public.pht1_p2 FOR VALUES WITH (modulus 3, remainder 1);


--
-- Name: pht1_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht1 ATTACH PARTITION public.pht1_p3 FOR VALUES WITH (modulus 3, remainder 2);


--
-- Name: pht2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht2 ATTACH PARTITION public.pht2_p1 FOR VALUES WITH (modulus 3, remainder 0);


--
-- Name: pht2_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht2 ATTACH PARTITION public.pht2_p2 FOR VALUES WITH (modulus 3, remainder 1);


--
-- Name: pht2_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.pht2 ATTACH PARTITION public.pht2_p3 FOR VALUES WITH (modulus 3, remainder 2);


--
-- Name: plt1_e_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1_e ATTACH PARTITION public.plt1_e_p1 FOR VALUES IN ('0000', '0003', '0004', '0010');


--
-- Name: plt1_e_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1_e ATTACH PARTITION public.plt1_e_p2 FOR VALUES IN ('0001', '0005', '0002', '0009');


--
-- Name: plt1_e_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1_e ATTACH PARTITION public.plt1_e_p3 FOR VALUES IN ('0006', '0007', '0008', '0011');


--
-- Name: plt1_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1 ATTACH PARTITION public.plt1_p1 FOR VALUES IN ('0000', '0003', '0004', '0010');


--
-- Name: plt1_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1 ATTACH PARTITION public.plt1_p2 FOR VALUES IN ('0001', '0005', '0002', '0009');


--
-- Name: plt1_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt1 ATTACH PARTITION public.plt1_p3 DEFAULT;


--
-- Name: plt2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt2 ATTACH PARTITION public.plt2_p1 FOR VALUES IN ('0000', '0003', '0004', '0010');


--
-- Name: plt2_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt2 ATTACH PARTITION public.plt2_p2 FOR VALUES IN ('0001', '0005', '0002', '0009');


--
-- Name: plt2_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plt2 ATTACH PARTITION public.plt2_p3 DEFAULT;


--
-- Name: prt1_e_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_e ATTACH PARTITION public.prt1_e_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt1_e_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_e ATTACH PARTITION public.prt1_e_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt1_e_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_e ATTACH PARTITION public.prt1_e_p3 FOR VALUES FROM (500) TO (600);


--
-- Name: prt1_l_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l ATTACH PARTITION public.prt1_l_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt1_l_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l ATTACH PARTITION public.prt1_l_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt1_l_p2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l_p2 ATTACH PARTITION public.prt1_l_p2_p1 FOR VALUES IN ('0000', '0001');


--
-- Name: prt1_l_p2_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l_p2 ATTACH PARTITION public.prt1_l_p2_p2 FOR VALUES IN ('0002', '0003');


--
-- Name: prt1_l_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l ATTACH PARTITION public.prt1_l_p3 FOR VALUES FROM (500) TO (600);


--
-- Name: prt1_l_p3_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l_p3 ATTACH PARTITION public.prt1_l_p3_p1 FOR VALUES FROM (0) TO (13);


--
-- Name: prt1_l_p3_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_l_p3 ATTACH PARTITION public.prt1_l_p3_p2 FOR VALUES FROM (13) TO (25);


--
-- Name: prt1_m_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_m ATTACH PARTITION public.prt1_m_p1 FOR VALUES FROM (0, 0) TO (250, 250);


--
-- Name: prt1_m_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_m ATTACH PARTITION public.prt1_m_p2 FOR VALUES FROM (250, 250) TO (500, 500);


--
-- Name: prt1_m_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_m ATTACH PARTITION public.prt1_m_p3 FOR VALUES FROM (500, 500) TO (600, 600);


--
-- Name: prt1_n_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_n ATTACH PARTITION public.prt1_n_p1 FOR VALUES FROM ('0000') TO ('0250');


--
-- Name: prt1_n_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1_n ATTACH PARTITION public.prt1_n_p2 FOR VALUES FROM ('0250') TO ('0500');


--
-- Name: prt1_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1 ATTACH PARTITION public.prt1_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt1_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1 ATTACH PARTITION public.prt1_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt1_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt1 ATTACH PARTITION public.prt1_p3 DEFAULT;


--
-- Name: prt2_e_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_e ATTACH PARTITION public.prt2_e_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt2_e_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_e ATTACH PARTITION public.prt2_e_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt2_e_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_e ATTACH PARTITION public.prt2_e_p3 FOR VALUES FROM (500) TO (600);


--
-- Name: prt2_l_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l ATTACH PARTITION public.prt2_l_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt2_l_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l ATTACH PARTITION public.prt2_l_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt2_l_p2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l_p2 ATTACH PARTITION public.prt2_l_p2_p1 FOR VALUES IN ('0000', '0001');


--
-- Name: prt2_l_p2_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l_p2 ATTACH PARTITION public.prt2_l_p2_p2 FOR VALUES IN ('0002', '0003');


--
-- Name: prt2_l_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l ATTACH PARTITION public.prt2_l_p3 FOR VALUES FROM (500) TO (600);


--
-- Name: prt2_l_p3_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l_p3 ATTACH PARTITION public.prt2_l_p3_p1 FOR VALUES FROM (0) TO (13);


--
-- Name: prt2_l_p3_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_l_p3 ATTACH PARTITION public.prt2_l_p3_p2 FOR VALUES FROM (13) TO (25);


--
-- Name: prt2_m_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_m ATTACH PARTITION public.prt2_m_p1 FOR VALUES FROM (0, 0) TO (250, 250);


--
-- Name: prt2_m_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_m ATTACH PARTITION public.prt2_m_p2 FOR VALUES FROM (250, 250) TO (500, 500);


--
-- Name: prt2_m_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_m ATTACH PARTITION public.prt2_m_p3 FOR VALUES FROM (500, 500) TO (600, 600);


--
-- Name: prt2_n_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_n ATTACH PARTITION public.prt2_n_p1 FOR VALUES IN ('0000', '0003', '0004', '0010', '0006', '0007');


--
-- Name: prt2_n_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2_n ATTACH PARTITION public.prt2_n_p2 FOR VALUES IN ('0001', '0005', '0002', '0009', '0008', '0011');


--
-- Name: prt2_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2 ATTACH PARTITION public.prt2_p1 FOR VALUES FROM (0) TO (250);


--
-- Name: prt2_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2 ATTACH PARTITION public.prt2_p2 FOR VALUES FROM (250) TO (500);


--
-- Name: prt2_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt2 ATTACH PARTITION public.prt2_p3 DEFAULT;


--
-- Name: prt3_n_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt3_n ATTACH PARTITION public.prt3_n_p1 FOR VALUES IN ('0000', '0004', '0006', '0007');


--
-- Name: prt3_n_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt3_n ATTACH PARTITION public.prt3_n_p2 FOR VALUES IN ('0001', '0002', '0008', '0010');


--
-- Name: prt3_n_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt3_n ATTACH PARTITION public.prt3_n_p3 FOR VALUES IN ('0003', '0005', '0009', '0011');


--
-- Name: prt4_n_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt4_n ATTACH PARTITION public.prt4_n_p1 FOR VALUES FROM (0) TO (300);


--
-- Name: prt4_n_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt4_n ATTACH PARTITION public.prt4_n_p2 FOR VALUES FROM (300) TO (500);


--
-- Name: prt4_n_p3; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.prt4_n ATTACH PARTITION public.prt4_n_p3 FOR VALUES FROM (500) TO (600);


--
-- Name: regress_constr_partition1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.regress_constr_partitioned ATTACH PARTITION public.regress_constr_partition1 FOR VALUES IN (1);


--
-- Name: tableam_parted_a_heap2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tableam_parted_heap2 ATTACH PARTITION public.tableam_parted_a_heap2 FOR VALUES IN ('a');


--
-- Name: tableam_parted_b_heap2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tableam_parted_heap2 ATTACH PARTITION public.tableam_parted_b_heap2 FOR VALUES IN ('b');


--
-- Name: tableam_parted_c_heap2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tableam_parted_heap2 ATTACH PARTITION public.tableam_parted_c_heap2 FOR VALUES IN ('c');


--
-- Name: tableam_parted_d_heap2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tableam_parted_heap2 ATTACH PARTITION public.tableam_parted_d_heap2 FOR VALUES IN ('d');


--
-- Name: trigger_parted_p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted ATTACH PARTITION public.trigger_parted_p1 FOR VALUES IN (1);


--
-- Name: trigger_parted_p1_1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p1 ATTACH PARTITION public.trigger_parted_p1_1 FOR VALUES IN (1);


--
-- Name: trigger_parted_p2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted ATTACH PARTITION public.trigger_parted_p2 FOR VALUES IN (2);


--
-- Name: trigger_parted_p2_2; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p2 ATTACH PARTITION public.trigger_parted_p2_2 FOR VALUES IN (2);


--
-- Name: itest5 a; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.itest5 ALTER COLUMN a SET DEFAULT nextval('public.itest5_a_seq'::regclass);


--
-- Name: rules_log id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rules_log ALTER COLUMN id SET DEFAULT nextval('public.rules_log_id_seq'::regclass);


--
-- Name: gtest20b chk; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.gtest20b
    ADD CONSTRAINT chk CHECK ((b < 50)) NOT VALID;


--
-- Name: comment_test comment_test_pk; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.comment_test
    ADD CONSTRAINT comment_test_pk PRIMARY KEY (id);


--
-- Name: CONSTRAINT comment_test_pk ON comment_test; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON CONSTRAINT comment_test_pk ON public.comment_test IS 'PRIMARY KEY constraint of comment_test';


--
-- Name: gtest0 gtest0_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest0
    ADD CONSTRAINT gtest0_pkey PRIMARY KEY (a);


--
-- Name: gtest10 gtest10_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest10
    ADD CONSTRAINT gtest10_pkey PRIMARY KEY (a);


--
-- Name: gtest10a gtest10a_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest10a
    ADD CONSTRAINT gtest10a_pkey PRIMARY KEY (a);


--
-- Name: gtest1 gtest1_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest1
    ADD CONSTRAINT gtest1_pkey PRIMARY KEY (a);


--
-- Name: gtest20 gtest20_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest20
    ADD CONSTRAINT gtest20_pkey PRIMARY KEY (a);


--
-- Name: gtest20a gtest20a_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest20a
    ADD CONSTRAINT gtest20a_pkey PRIMARY KEY (a);


--
-- Name: gtest20b gtest20b_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest20b
    ADD CONSTRAINT gtest20b_pkey PRIMARY KEY (a);


--
-- Name: gtest21a gtest21a_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest21a
    ADD CONSTRAINT gtest21a_pkey PRIMARY KEY (a);


--
-- Name: gtest21b gtest21b_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest21b
    ADD CONSTRAINT gtest21b_pkey PRIMARY KEY (a);


--
-- Name: gtest22a gtest22a_b_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest22a
    ADD CONSTRAINT gtest22a_b_key UNIQUE (b);


--
-- Name: gtest22a gtest22a_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest22a
    ADD CONSTRAINT gtest22a_pkey PRIMARY KEY (a);


--
-- Name: gtest22b gtest22b_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest22b
    ADD CONSTRAINT gtest22b_pkey PRIMARY KEY (a, b);


--
-- Name: gtest23p gtest23p_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest23p
    ADD CONSTRAINT gtest23p_pkey PRIMARY KEY (y);


--
-- Name: gtest23q gtest23q_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest23q
    ADD CONSTRAINT gtest23q_pkey PRIMARY KEY (a);


--
-- Name: gtest24 gtest24_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest24
    ADD CONSTRAINT gtest24_pkey PRIMARY KEY (a);


--
-- Name: gtest25 gtest25_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest25
    ADD CONSTRAINT gtest25_pkey PRIMARY KEY (a);


--
-- Name: gtest26 gtest26_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest26
    ADD CONSTRAINT gtest26_pkey PRIMARY KEY (a);


--
-- Name: gtest2 gtest2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest2
    ADD CONSTRAINT gtest2_pkey PRIMARY KEY (a);


--
-- Name: gtest_tableoid gtest_tableoid_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest_tableoid
    ADD CONSTRAINT gtest_tableoid_pkey PRIMARY KEY (a);


--
-- Name: invalid_check_con inh_check_constraint; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.invalid_check_con
    ADD CONSTRAINT inh_check_constraint CHECK ((f1 > 0)) NOT VALID;


--
-- Name: inhx inhx_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.inhx
    ADD CONSTRAINT inhx_pkey PRIMARY KEY (xx);


--
-- Name: constraint_comments_dom inv_ck; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER DOMAIN public.constraint_comments_dom
    ADD CONSTRAINT inv_ck CHECK ((VALUE > 0)) NOT VALID;


--
-- Name: CONSTRAINT inv_ck ON DOMAIN constraint_comments_dom; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON CONSTRAINT inv_ck ON DOMAIN public.constraint_comments_dom IS 'comment on invalid constraint';


--
-- Name: mvtest_t mvtest_t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.mvtest_t
    ADD CONSTRAINT mvtest_t_pkey PRIMARY KEY (id);


--
-- Name: nv_child_2010 nv_child_2010_d_check; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.nv_child_2010
    ADD CONSTRAINT nv_child_2010_d_check CHECK (((d >= '2010-01-01'::date) AND (d <= '2010-12-31'::date))) NOT VALID;


--
-- Name: nv_parent nv_parent_d_check; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.nv_parent
    ADD CONSTRAINT nv_parent_d_check CHECK (((d >= '2001-01-01'::date) AND (d <= '2099-12-31'::date))) NOT VALID;


--
-- Name: persons2 persons2_name_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.persons2
    ADD CONSTRAINT persons2_name_key UNIQUE (name);


--
-- Name: persons2 persons2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.persons2
    ADD CONSTRAINT persons2_pkey PRIMARY KEY (id);


--
-- Name: persons3 persons3_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.persons3
    ADD CONSTRAINT persons3_pkey PRIMARY KEY (id);


--
-- Name: regress_constr_partition1 regress_constr_partition1_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.regress_constr_partition1
    ADD CONSTRAINT regress_constr_partition1_pkey PRIMARY KEY (a);


--
-- Name: rule_and_refint_t1 rule_and_refint_t1_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rule_and_refint_t1
    ADD CONSTRAINT rule_and_refint_t1_pkey PRIMARY KEY (id1a, id1b);


--
-- Name: rule_and_refint_t2 rule_and_refint_t2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rule_and_refint_t2
    ADD CONSTRAINT rule_and_refint_t2_pkey PRIMARY KEY (id2a, id2c);


--
-- Name: rule_and_refint_t3 rule_and_refint_t3_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rule_and_refint_t3
    ADD CONSTRAINT rule_and_refint_t3_pkey PRIMARY KEY (id3a, id3b, id3c);


--
-- Name: skip_wal_skip_rewrite_index skip_wal_skip_rewrite_index_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.skip_wal_skip_rewrite_index
    ADD CONSTRAINT skip_wal_skip_rewrite_index_pkey PRIMARY KEY (c);


--
-- Name: tbl_include_box tbl_include_box_idx_unique; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tbl_include_box
    ADD CONSTRAINT tbl_include_box_idx_unique PRIMARY KEY (c1, c2) INCLUDE (c3, c4);


--
-- Name: tbl_include_pk tbl_include_pk_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tbl_include_pk
    ADD CONSTRAINT tbl_include_pk_pkey PRIMARY KEY (c1, c2) INCLUDE (c3, c4);


--
-- Name: tbl_include_unique1 tbl_include_unique1_c1_c2_c3_c4_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tbl_include_unique1
    ADD CONSTRAINT tbl_include_unique1_c1_c2_c3_c4_key UNIQUE (c1, c2) INCLUDE (c3, c4);


--
-- Name: tbl_include_unique1 tbl_include_unique1_idx_unique; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.tbl_include_unique1
    ADD CONSTRAINT tbl_include_unique1_idx_unique UNIQUE (c1, c2) INCLUDE (c3, c4);


--
-- Name: test_range_excl test_range_excl_room_during_excl; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.test_range_excl
    ADD CONSTRAINT test_range_excl_room_during_excl EXCLUDE USING gist (room WITH =, during WITH &&);


--
-- Name: test_range_excl test_range_excl_speaker_during_excl; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.test_range_excl
    ADD CONSTRAINT test_range_excl_speaker_during_excl EXCLUDE USING gist (speaker WITH =, during WITH &&);


--
-- Name: trigger_parted trigger_parted_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted
    ADD CONSTRAINT trigger_parted_pkey PRIMARY KEY (a);


--
-- Name: trigger_parted_p1 trigger_parted_p1_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p1
    ADD CONSTRAINT trigger_parted_p1_pkey PRIMARY KEY (a);


--
-- Name: trigger_parted_p1_1 trigger_parted_p1_1_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p1_1
    ADD CONSTRAINT trigger_parted_p1_1_pkey PRIMARY KEY (a);


--
-- Name: trigger_parted_p2 trigger_parted_p2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p2
    ADD CONSTRAINT trigger_parted_p2_pkey PRIMARY KEY (a);


--
-- Name: trigger_parted_p2_2 trigger_parted_p2_2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.trigger_parted_p2_2
    ADD CONSTRAINT trigger_parted_p2_2_pkey PRIMARY KEY (a);


--
-- Name: view_base_table view_base_table_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.view_base_table
    ADD CONSTRAINT view_base_table_pkey PRIMARY KEY (key);


--
-- Name: alter_idx_rename_test_parted_idx_3; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX alter_idx_rename_test_parted_idx_3 ON ONLY public.alter_idx_rename_test_parted_2 USING btree (a);


--
-- Name: botharrayidx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX botharrayidx ON public.array_index_op_test USING gin (i, t);


--
-- Name: bt_tsq; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX bt_tsq ON public.test_tsquery USING btree (keyword);


--
-- Name: comment_test_child_fk; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX comment_test_child_fk ON public.comment_test_child USING btree (id);


--
-- Name: INDEX comment_test_child_fk; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON INDEX public.comment_test_child_fk IS 'Index backing the FOREIGN KEY of comment_test_child';


--
-- Name: comment_test_index; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX comment_test_index ON public.comment_test USING btree (indexed_col);


--
-- Name: INDEX comment_test_index; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON INDEX public.comment_test_index IS 'Simple index on comment_test';


--
-- Name: INDEX comment_test_pk; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON INDEX public.comment_test_pk IS 'Index backing the PRIMARY KEY of comment_test';


--
-- Name: dupindexcols_i; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX dupindexcols_i ON public.dupindexcols USING btree (f1, id, f1 text_pattern_ops);


--
-- Name: fdeps_ab_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX fdeps_ab_idx ON public.functional_dependencies USING btree (a, b);


--
-- Name: fdeps_abc_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX fdeps_abc_idx ON public.functional_dependencies USING btree (a, b, c);


--
-- Name: func_index_index; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX func_index_index ON public.func_index_heap USING btree (((f1 || f2)));


--
-- Name: gin_relopts_test; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX gin_relopts_test ON public.array_index_op_test USING gin (i) WITH (fastupdate='on', gin_pending_list_limit='128');


--
-- Name: grect2ind; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX grect2ind ON public.fast_emp4000 USING gist (home_base);


--
-- Name: gtest22c_b_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX gtest22c_b_idx ON public.gtest22c USING btree (b);


--
-- Name: gtest22c_expr_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX gtest22c_expr_idx ON public.gtest22c USING btree (((b * 3)));


--
-- Name: gtest22c_pred_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX gtest22c_pred_idx ON public.gtest22c USING btree (a) WHERE (b > 0);


--
-- Name: iix; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iix ON public.ihighway USING btree (name);


--
-- Name: iprt1_e_p1_ab2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_e_p1_ab2 ON public.prt1_e_p1 USING btree ((((a + b) / 2)));


--
-- Name: iprt1_e_p2_ab2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_e_p2_ab2 ON public.prt1_e_p2 USING btree ((((a + b) / 2)));


--
-- Name: iprt1_e_p3_ab2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_e_p3_ab2 ON public.prt1_e_p3 USING btree ((((a + b) / 2)));


--
-- Name: iprt1_p1_a; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_p1_a ON public.prt1_p1 USING btree (a);


--
-- Name: iprt1_p2_a; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_p2_a ON public.prt1_p2 USING btree (a);


--
-- Name: iprt1_p3_a; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt1_p3_a ON public.prt1_p3 USING btree (a);


--
-- Name: iprt2_p1_b; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt2_p1_b ON public.prt2_p1 USING btree (b);


--
-- Name: iprt2_p2_b; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt2_p2_b ON public.prt2_p2 USING btree (b);


--
-- Name: iprt2_p3_b; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX iprt2_p3_b ON public.prt2_p3 USING btree (b);


--
-- Name: mvtest_aa; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX mvtest_aa ON public.mvtest_bb USING btree (grandtot);


--
-- Name: mvtest_tm_type; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX mvtest_tm_type ON public.mvtest_tm USING btree (type);


--
-- Name: mvtest_tvmm_expr; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX mvtest_tvmm_expr ON public.mvtest_tvmm USING btree (((grandtot > (0)::numeric)));


--
-- Name: mvtest_tvmm_pred; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX mvtest_tvmm_pred ON public.mvtest_tvmm USING btree (grandtot) WHERE (grandtot < (0)::numeric);


--
-- Name: numrange_test_btree; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX numrange_test_btree ON public.numrange_test USING btree (nr);


--
-- Name: onek2_stu1_prtl; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek2_stu1_prtl ON public.onek2 USING btree (stringu1) WHERE ((stringu1 >= 'J'::name) AND (stringu1 < 'K'::name));


--
-- Name: onek2_u1_prtl; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek2_u1_prtl ON public.onek2 USING btree (unique1) WHERE ((unique1 < 20) OR (unique1 > 980));


--
-- Name: onek2_u2_prtl; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek2_u2_prtl ON public.onek2 USING btree (unique2) WHERE (stringu1 < 'B'::name);


--
-- Name: onek_hundred; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek_hundred ON public.onek USING btree (hundred);


--
-- Name: onek_stringu1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek_stringu1 ON public.onek USING btree (stringu1);


--
-- Name: onek_unique1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek_unique1 ON public.onek USING btree (unique1);


--
-- Name: onek_unique2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX onek_unique2 ON public.onek USING btree (unique2);


--
-- Name: qq; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX qq ON public.test_tsquery USING gist (keyword);


--
-- Name: regress_constr_partitioned_a_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX regress_constr_partitioned_a_idx ON ONLY public.regress_constr_partitioned USING btree (a);


--
-- Name: rix; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX rix ON public.road USING btree (name);


--
-- Name: six; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX six ON public.shighway USING btree (name);


--
-- Name: tbl_include_reg_c1_c2_c11_c3_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tbl_include_reg_c1_c2_c11_c3_idx ON public.tbl_include_reg USING btree (c1, c2) INCLUDE (c1, c3);


--
-- Name: tbl_include_reg_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tbl_include_reg_idx ON public.tbl_include_reg USING btree (c1, c2) INCLUDE (c3, c4);


--
-- Name: tenk1_hundred; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk1_hundred ON public.tenk1 USING btree (hundred);


--
-- Name: tenk1_thous_tenthous; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk1_thous_tenthous ON public.tenk1 USING btree (thousand, tenthous);


--
-- Name: tenk1_unique1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk1_unique1 ON public.tenk1 USING btree (unique1);


--
-- Name: tenk1_unique2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk1_unique2 ON public.tenk1 USING btree (unique2);


--
-- Name: tenk2_hundred; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk2_hundred ON public.tenk2 USING btree (hundred);


--
-- Name: tenk2_unique1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk2_unique1 ON public.tenk2 USING btree (unique1);


--
-- Name: tenk2_unique2; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX tenk2_unique2 ON public.tenk2 USING btree (unique2);


--
-- Name: test_range_gist_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX test_range_gist_idx ON public.test_range_gist USING gist (ir);


--
-- Name: test_range_spgist_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX test_range_spgist_idx ON public.test_range_spgist USING spgist (ir);


--
-- Name: test_storage_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX test_storage_idx ON public.test_storage USING btree (b, a);


--
-- Name: textrange_test_btree; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX textrange_test_btree ON public.textrange_test USING btree (tr);


--
-- Name: wowidx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX wowidx ON public.test_tsvector USING gin (a);


--
-- Name: regress_constr_partition1_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.regress_constr_partitioned_a_idx ATTACH PARTITION public.regress_constr_partition1_pkey;


--
-- Name: trigger_parted_p1_1_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.trigger_parted_p1_pkey ATTACH PARTITION public.trigger_parted_p1_1_pkey;


--
-- Name: trigger_parted_p1_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.trigger_parted_pkey ATTACH PARTITION public.trigger_parted_p1_pkey;


--
-- Name: trigger_parted_p2_2_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.trigger_parted_p2_pkey ATTACH PARTITION public.trigger_parted_p2_2_pkey;


--
-- Name: trigger_parted_p2_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.trigger_parted_pkey ATTACH PARTITION public.trigger_parted_p2_pkey;


--
-- Name: func_deps_stat; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.func_deps_stat (dependencies) ON (a * 2), upper(b), (c + 1::numeric) FROM public.functional_dependencies;



--
-- Name: mcv_lists_arrays_stats; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.mcv_lists_arrays_stats (mcv) ON a, b, c FROM public.mcv_lists_arrays;



--
-- Name: mcv_lists_bool_stats; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.mcv_lists_bool_stats (mcv) ON a, b, c FROM public.mcv_lists_bool;



--
-- Name: mcv_lists_stats; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.mcv_lists_stats (mcv) ON a, b, d FROM public.mcv_lists;



--
-- Name: key_dependent_view _RETURN; Type: RULE; Schema: public; Owner: postgres
--

CREATE OR REPLACE VIEW public.key_dependent_view AS
 SELECT view_base_table.key,
    view_base_table.data
   FROM public.view_base_table
  GROUP BY view_base_table.key;


--
-- Name: key_dependent_view_no_cols _RETURN; Type: RULE; Schema: public; Owner: postgres
--

CREATE OR REPLACE VIEW public.key_dependent_view_no_cols AS
 SELECT
   FROM public.view_base_table
  GROUP BY view_base_table.key
 HAVING (length((view_base_table.data)::text) > 0);


--
-- Name: shoelace_data log_shoelace; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE log_shoelace AS
    ON UPDATE TO public.shoelace_data
   WHERE (new.sl_avail <> old.sl_avail) DO  INSERT INTO public.shoelace_log (sl_name, sl_avail, log_who, log_when)
  VALUES (new.sl_name, new.sl_avail, 'Al Bundy'::name, '1970-01-01 00:00:00'::timestamp without time zone);


--
-- Name: ruletest_tbl myrule; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE myrule AS
    ON INSERT TO public.ruletest_tbl DO INSTEAD  INSERT INTO public.ruletest_tbl2 (a, b)
  VALUES (1000, 1000);


--
-- Name: rules_src r1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r1 AS
    ON UPDATE TO public.rules_src DO  INSERT INTO public.rules_log (f1, f2, tag, id) VALUES (old.f1,old.f2,'old'::text,DEFAULT), (new.f1,new.f2,'new'::text,DEFAULT);


--
-- Name: rules_src r2; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r2 AS
    ON UPDATE TO public.rules_src DO  VALUES (old.f1,old.f2,'old'::text), (new.f1,new.f2,'new'::text);


--
-- Name: rules_src r3; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r3 AS
    ON INSERT TO public.rules_src DO  INSERT INTO public.rules_log (f1, f2, tag, id) VALUES (NULL::integer,NULL::integer,'-'::text,DEFAULT), (new.f1,new.f2,'new'::text,DEFAULT);


--
-- Name: rules_src r4; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r4 AS
    ON DELETE TO public.rules_src DO
 NOTIFY rules_src_deletion;


--
-- Name: rules_src r5; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r5 AS
    ON INSERT TO public.rules_src DO INSTEAD  INSERT INTO public.rules_log AS trgt (f1, f2)  SELECT new.f1,
            new.f2
  RETURNING trgt.f1,
    trgt.f2;


--
-- Name: rules_src r6; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r6 AS
    ON UPDATE TO public.rules_src DO INSTEAD  UPDATE public.rules_log trgt SET tag = 'updated'::text
  WHERE (trgt.f1 = new.f1);


--
-- Name: rules_src r7; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r7 AS
    ON DELETE TO public.rules_src DO INSTEAD  WITH wins AS (
         INSERT INTO public.int4_tbl AS trgt_1 (f1)
          VALUES (0)
          RETURNING trgt_1.f1
        ), wupd AS (
         UPDATE public.int4_tbl trgt_1 SET f1 = (trgt_1.f1 + 1)
          RETURNING trgt_1.f1
        ), wdel AS (
         DELETE FROM public.int4_tbl trgt_1
          WHERE (trgt_1.f1 = 0)
          RETURNING trgt_1.f1
        )
 INSERT INTO public.rules_log AS trgt (f1, f2)  SELECT old.f1,
            old.f2
           FROM wins,
            wupd,
            wdel
  RETURNING trgt.f1,
    trgt.f2;


--
-- Name: rtest_emp rtest_emp_del; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_emp_del AS
    ON DELETE TO public.rtest_emp DO  INSERT INTO public.rtest_emplog (ename, who, action, newsal, oldsal)
  VALUES (old.ename, CURRENT_USER, 'fired'::bpchar, '$0.00'::money, old.salary);


--
-- Name: rtest_emp rtest_emp_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_emp_ins AS
    ON INSERT TO public.rtest_emp DO  INSERT INTO public.rtest_emplog (ename, who, action, newsal, oldsal)
  VALUES (new.ename, CURRENT_USER, 'hired'::bpchar, new.salary, '$0.00'::money);


--
-- Name: rtest_emp rtest_emp_upd; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_emp_upd AS
    ON UPDATE TO public.rtest_emp
   WHERE (new.salary <> old.salary) DO  INSERT INTO public.rtest_emplog (ename, who, action, newsal, oldsal)
  VALUES (new.ename, CURRENT_USER, 'honored'::bpchar, new.salary, old.salary);


--
-- Name: rtest_nothn1 rtest_nothn_r1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_nothn_r1 AS
    ON INSERT TO public.rtest_nothn1
   WHERE ((new.a >= 10) AND (new.a < 20)) DO INSTEAD NOTHING;


--
-- Name: rtest_nothn1 rtest_nothn_r2; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_nothn_r2 AS
    ON INSERT TO public.rtest_nothn1
   WHERE ((new.a >= 30) AND (new.a < 40)) DO INSTEAD NOTHING;


--
-- Name: rtest_nothn2 rtest_nothn_r3; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_nothn_r3 AS
    ON INSERT TO public.rtest_nothn2
   WHERE (new.a >= 100) DO INSTEAD  INSERT INTO public.rtest_nothn3 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_nothn2 rtest_nothn_r4; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_nothn_r4 AS
    ON INSERT TO public.rtest_nothn2 DO INSTEAD NOTHING;


--
-- Name: rtest_order1 rtest_order_r1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_order_r1 AS
    ON INSERT TO public.rtest_order1 DO INSTEAD  INSERT INTO public.rtest_order2 (a, b, c)
  VALUES (new.a, nextval('public.rtest_seq'::regclass), 'rule 1 - this should run 1st'::text);


--
-- Name: rtest_order1 rtest_order_r2; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_order_r2 AS
    ON INSERT TO public.rtest_order1 DO  INSERT INTO public.rtest_order2 (a, b, c)
  VALUES (new.a, nextval('public.rtest_seq'::regclass), 'rule 2 - this should run 2nd'::text);


--
-- Name: rtest_order1 rtest_order_r3; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_order_r3 AS
    ON INSERT TO public.rtest_order1 DO INSTEAD  INSERT INTO public.rtest_order2 (a, b, c)
  VALUES (new.a, nextval('public.rtest_seq'::regclass), 'rule 3 - this should run 3rd'::text);


--
-- Name: rtest_order1 rtest_order_r4; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_order_r4 AS
    ON INSERT TO public.rtest_order1
   WHERE (new.a < 100) DO INSTEAD  INSERT INTO public.rtest_order2 (a, b, c)
  VALUES (new.a, nextval('public.rtest_seq'::regclass), 'rule 4 - this should run 4th'::text);


--
-- Name: rtest_person rtest_pers_del; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_pers_del AS
    ON DELETE TO public.rtest_person DO  DELETE FROM public.rtest_admin
  WHERE (rtest_admin.pname = old.pname);


--
-- Name: rtest_person rtest_pers_upd; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_pers_upd AS
    ON UPDATE TO public.rtest_person DO  UPDATE public.rtest_admin SET pname = new.pname
  WHERE (rtest_admin.pname = old.pname);


--
-- Name: rtest_system rtest_sys_del; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_sys_del AS
    ON DELETE TO public.rtest_system DO ( DELETE FROM public.rtest_interface
  WHERE (rtest_interface.sysname = old.sysname);
 DELETE FROM public.rtest_admin
  WHERE (rtest_admin.sysname = old.sysname);
);


--
-- Name: rtest_system rtest_sys_upd; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_sys_upd AS
    ON UPDATE TO public.rtest_system DO ( UPDATE public.rtest_interface SET sysname = new.sysname
  WHERE (rtest_interface.sysname = old.sysname);
 UPDATE public.rtest_admin SET sysname = new.sysname
  WHERE (rtest_admin.sysname = old.sysname);
);


--
-- Name: rtest_t4 rtest_t4_ins1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_t4_ins1 AS
    ON INSERT TO public.rtest_t4
   WHERE ((new.a >= 10) AND (new.a < 20)) DO INSTEAD  INSERT INTO public.rtest_t5 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_t4 rtest_t4_ins2; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_t4_ins2 AS
    ON INSERT TO public.rtest_t4
   WHERE ((new.a >= 20) AND (new.a < 30)) DO  INSERT INTO public.rtest_t6 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_t5 rtest_t5_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_t5_ins AS
    ON INSERT TO public.rtest_t5
   WHERE (new.a > 15) DO  INSERT INTO public.rtest_t7 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_t6 rtest_t6_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_t6_ins AS
    ON INSERT TO public.rtest_t6
   WHERE (new.a > 25) DO INSTEAD  INSERT INTO public.rtest_t8 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_v1 rtest_v1_del; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_v1_del AS
    ON DELETE TO public.rtest_v1 DO INSTEAD  DELETE FROM public.rtest_t1
  WHERE (rtest_t1.a = old.a);


--
-- Name: rtest_v1 rtest_v1_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_v1_ins AS
    ON INSERT TO public.rtest_v1 DO INSTEAD  INSERT INTO public.rtest_t1 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rtest_v1 rtest_v1_upd; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rtest_v1_upd AS
    ON UPDATE TO public.rtest_v1 DO INSTEAD  UPDATE public.rtest_t1 SET a = new.a, b = new.b
  WHERE (rtest_t1.a = old.a);


--
-- Name: rule_merge1 rule1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rule1 AS
    ON INSERT TO public.rule_merge1 DO INSTEAD  INSERT INTO public.rule_merge2 (a, b)
  VALUES (new.a, new.b);


--
-- Name: rule_merge1 rule2; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rule2 AS
    ON UPDATE TO public.rule_merge1 DO INSTEAD  UPDATE public.rule_merge2 SET a = new.a, b = new.b
  WHERE (rule_merge2.a = old.a);


--
-- Name: rule_merge1 rule3; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rule3 AS
    ON DELETE TO public.rule_merge1 DO INSTEAD  DELETE FROM public.rule_merge2
  WHERE (rule_merge2.a = old.a);


--
-- Name: rule_and_refint_t3 rule_and_refint_t3_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE rule_and_refint_t3_ins AS
    ON INSERT TO public.rule_and_refint_t3
   WHERE (EXISTS ( SELECT 1
           FROM public.rule_and_refint_t3 rule_and_refint_t3_1
          WHERE ((rule_and_refint_t3_1.id3a = new.id3a) AND (rule_and_refint_t3_1.id3b = new.id3b) AND (rule_and_refint_t3_1.id3c = new.id3c)))) DO INSTEAD  UPDATE public.rule_and_refint_t3 SET data = new.data
  WHERE ((rule_and_refint_t3.id3a = new.id3a) AND (rule_and_refint_t3.id3b = new.id3b) AND (rule_and_refint_t3.id3c = new.id3c));


--
-- Name: shoelace shoelace_del; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE shoelace_del AS
    ON DELETE TO public.shoelace DO INSTEAD  DELETE FROM public.shoelace_data
  WHERE (shoelace_data.sl_name = old.sl_name);


--
-- Name: shoelace shoelace_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE shoelace_ins AS
    ON INSERT TO public.shoelace DO INSTEAD  INSERT INTO public.shoelace_data (sl_name, sl_avail, sl_color, sl_len, sl_unit)
  VALUES (new.sl_name, new.sl_avail, new.sl_color, new.sl_len, new.sl_unit);


--
-- Name: shoelace_ok shoelace_ok_ins; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE shoelace_ok_ins AS
    ON INSERT TO public.shoelace_ok DO INSTEAD  UPDATE public.shoelace SET sl_avail = (shoelace.sl_avail + new.ok_quant)
  WHERE (shoelace.sl_name = new.ok_name);


--
-- Name: shoelace shoelace_upd; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE shoelace_upd AS
    ON UPDATE TO public.shoelace DO INSTEAD  UPDATE public.shoelace_data SET sl_name = new.sl_name, sl_avail = new.sl_avail, sl_color = new.sl_color, sl_len = new.sl_len, sl_unit = new.sl_unit
  WHERE (shoelace_data.sl_name = old.sl_name);


--
-- Name: trigger_parted aft_row; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER aft_row AFTER INSERT OR UPDATE ON public.trigger_parted FOR EACH ROW EXECUTE FUNCTION public.trigger_parted_trigfunc();


--
-- Name: trigger_parted_p2 aft_row; Type: TRIGGER; Schema: public; Owner: postgres
--


ALTER TABLE public.trigger_parted_p2 DISABLE TRIGGER aft_row;


--
-- Name: trigger_parted_p2_2 aft_row; Type: TRIGGER; Schema: public; Owner: postgres
--


ALTER TABLE public.trigger_parted_p2_2 ENABLE ALWAYS TRIGGER aft_row;


--
-- Name: main_table after_ins_stmt_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER after_ins_stmt_trig AFTER INSERT ON public.main_table FOR EACH STATEMENT EXECUTE FUNCTION public.trigger_func('after_ins_stmt');


--
-- Name: main_table after_upd_a_b_row_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER after_upd_a_b_row_trig AFTER UPDATE OF a, b ON public.main_table FOR EACH ROW EXECUTE FUNCTION public.trigger_func('after_upd_a_b_row');


--
-- Name: main_table after_upd_b_row_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER after_upd_b_row_trig AFTER UPDATE OF b ON public.main_table FOR EACH ROW EXECUTE FUNCTION public.trigger_func('after_upd_b_row');


--
-- Name: main_table after_upd_b_stmt_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER after_upd_b_stmt_trig AFTER UPDATE OF b ON public.main_table FOR EACH STATEMENT EXECUTE FUNCTION public.trigger_func('after_upd_b_stmt');


--
-- Name: main_table after_upd_stmt_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER after_upd_stmt_trig AFTER UPDATE ON public.main_table FOR EACH STATEMENT EXECUTE FUNCTION public.trigger_func('after_upd_stmt');


--
-- Name: main_table before_ins_stmt_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER before_ins_stmt_trig BEFORE INSERT ON public.main_table FOR EACH STATEMENT EXECUTE FUNCTION public.trigger_func('before_ins_stmt');


--
-- Name: main_table before_upd_a_stmt_trig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER before_upd_a_stmt_trig BEFORE UPDATE OF a ON public.main_table FOR EACH STATEMENT EXECUTE FUNCTION public.trigger_func('before_upd_a_stmt');


--
-- Name: gtest26 gtest12_01; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER gtest12_01 BEFORE UPDATE ON public.gtest26 FOR EACH ROW EXECUTE FUNCTION public.gtest_trigger_func();


--
-- Name: gtest26 gtest12_02; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER gtest12_02 BEFORE UPDATE ON public.gtest26 FOR EACH ROW EXECUTE FUNCTION public.gtest_trigger_func4();


--
-- Name: gtest26 gtest12_03; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER gtest12_03 BEFORE UPDATE ON public.gtest26 FOR EACH ROW EXECUTE FUNCTION public.gtest_trigger_func();


--
-- Name: gtest26 gtest4; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER gtest4 AFTER INSERT OR UPDATE ON public.gtest26 FOR EACH ROW WHEN ((new.b < 0)) EXECUTE FUNCTION public.gtest_trigger_func();


--
-- Name: test_tsvector tsvectorupdate; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tsvectorupdate BEFORE INSERT OR UPDATE ON public.test_tsvector FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('a', 'pg_catalog.english', 't');


--
-- Name: bar1 xtrig; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER xtrig AFTER UPDATE ON public.bar1 REFERENCING OLD TABLE AS old FOR EACH STATEMENT EXECUTE FUNCTION public.xtrig();


--
-- Name: comment_test_child comment_test_child_fk; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.comment_test_child
    ADD CONSTRAINT comment_test_child_fk FOREIGN KEY (id) REFERENCES public.comment_test(id);


--
-- Name: CONSTRAINT comment_test_child_fk ON comment_test_child; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON CONSTRAINT comment_test_child_fk ON public.comment_test_child IS 'FOREIGN KEY constraint of comment_test_child';


--
-- Name: gtest23q gtest23q_b_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gtest23q
    ADD CONSTRAINT gtest23q_b_fkey FOREIGN KEY (b) REFERENCES public.gtest23p(y);


--
-- Name: rule_and_refint_t3 rule_and_refint_t3_id3a_id3b_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rule_and_refint_t3
    ADD CONSTRAINT rule_and_refint_t3_id3a_id3b_fkey FOREIGN KEY (id3a, id3b) REFERENCES public.rule_and_refint_t1(id1a, id1b);


--
-- Name: rule_and_refint_t3 rule_and_refint_t3_id3a_id3c_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.rule_and_refint_t3
    ADD CONSTRAINT rule_and_refint_t3_id3a_id3c_fkey FOREIGN KEY (id3a, id3c) REFERENCES public.rule_and_refint_t2(id2a, id2c);


--
-- Name: rls_tbl p1; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p1 ON regress_rls_schema.rls_tbl USING ((c1 > 5));


--
-- Name: rls_tbl_force p1; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p1 ON regress_rls_schema.rls_tbl_force USING ((c1 = 5)) WITH CHECK ((c1 < 5));


--
-- Name: rls_tbl p2; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p2 ON regress_rls_schema.rls_tbl FOR SELECT USING ((c1 <= 3));


--
-- Name: rls_tbl_force p2; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p2 ON regress_rls_schema.rls_tbl_force FOR SELECT USING ((c1 = 8));


--
-- Name: rls_tbl p3; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p3 ON regress_rls_schema.rls_tbl FOR UPDATE USING ((c1 <= 3)) WITH CHECK ((c1 > 5));


--
-- Name: rls_tbl_force p3; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p3 ON regress_rls_schema.rls_tbl_force FOR UPDATE USING ((c1 = 8)) WITH CHECK ((c1 >= 5));


--
-- Name: rls_tbl p4; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p4 ON regress_rls_schema.rls_tbl FOR DELETE USING ((c1 <= 3));


--
-- Name: rls_tbl_force p4; Type: POLICY; Schema: regress_rls_schema; Owner: postgres
--

CREATE POLICY p4 ON regress_rls_schema.rls_tbl_force FOR DELETE USING ((c1 = 8));


--
-- Name: rls_tbl; Type: ROW SECURITY; Schema: regress_rls_schema; Owner: postgres
--

ALTER TABLE regress_rls_schema.rls_tbl ENABLE ROW LEVEL SECURITY;

--
-- Name: rls_tbl_force; Type: ROW SECURITY; Schema: regress_rls_schema; Owner: postgres
--

ALTER TABLE regress_rls_schema.rls_tbl_force ENABLE ROW LEVEL SECURITY;

--
-- Name: dump_pub_all; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION dump_pub_all WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);



--
-- Name: dump_pub_nsp_1ct; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION dump_pub_nsp_1ct WITH (publish = 'insert, update, delete, truncate');



--
-- Name: dump_pub_nsp_2ct; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION dump_pub_nsp_2ct WITH (publish = 'insert, update, delete, truncate');



--
-- Name: dump_pub_qual_1ct; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION dump_pub_qual_1ct WITH (publish = 'insert, update, delete, truncate');



--
-- Name: dump_pub_qual_2ct; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION dump_pub_qual_2ct WITH (publish = 'insert, update, delete, truncate');



--
-- Name: dump_pub_all t0; Type: PUBLICATION TABLE; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_all ADD TABLE ONLY pubme.t0;


--
-- Name: dump_pub_qual_1ct t0; Type: PUBLICATION TABLE; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_qual_1ct ADD TABLE ONLY pubme.t0 (c, d) WHERE ((c > 0));


--
-- Name: dump_pub_qual_2ct t0; Type: PUBLICATION TABLE; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_qual_2ct ADD TABLE ONLY pubme.t0 (c) WHERE ((c > 0));


--
-- Name: dump_pub_all t1; Type: PUBLICATION TABLE; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_all ADD TABLE ONLY pubme.t1 WHERE ((c < 0));


--
-- Name: dump_pub_qual_2ct t1; Type: PUBLICATION TABLE; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_qual_2ct ADD TABLE ONLY pubme.t1 (c);


--
-- Name: dump_pub_all pubme; Type: PUBLICATION TABLES IN SCHEMA; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_all ADD TABLES IN SCHEMA pubme;


--
-- Name: dump_pub_nsp_1ct pubme; Type: PUBLICATION TABLES IN SCHEMA; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_nsp_1ct ADD TABLES IN SCHEMA pubme;


--
-- Name: dump_pub_nsp_2ct pubme; Type: PUBLICATION TABLES IN SCHEMA; Schema: pubme; Owner: postgres
--

ALTER PUBLICATION dump_pub_nsp_2ct ADD TABLES IN SCHEMA pubme;


--
-- Name: dump_pub_all pubme2; Type: PUBLICATION TABLES IN SCHEMA; Schema: pubme2; Owner: postgres
--

ALTER PUBLICATION dump_pub_all ADD TABLES IN SCHEMA pubme2;


--
-- Name: dump_pub_nsp_2ct pubme2; Type: PUBLICATION TABLES IN SCHEMA; Schema: pubme2; Owner: postgres
--

ALTER PUBLICATION dump_pub_nsp_2ct ADD TABLES IN SCHEMA pubme2;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner
--



--
-- PostgreSQL database dump complete
--


