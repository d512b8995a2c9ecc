-- The change feed (package de.gemeinwerk.sensorthings.changes): every statement that creates or updates
-- SensorThings entities announces them with pg_notify on channel 'gemeinwerk_sta_changes'. PostgreSQL delivers a
-- notification only when its transaction commits, to every listening session — so every Gemeinwerk instance on
-- this database (horizontal scale-out) learns of every committed change, whichever instance or write path made it.
--
-- Statement-level triggers with transition tables: one call per statement, however many rows it wrote (unlike the
-- per-row triggers that make bulk inserts slow, see docs/ARCHITECTURE.md). They sit in the database, so every write
-- path — single POSTs, the group-commit lane, deep inserts, CreateObservations, batch requests — is covered by
-- construction, without each path having to remember to announce its changes.
--
-- Payloads (at most 8000 bytes each, so long id lists are split into several notifications):
--   O <tenant> <datastream> <ids>          Observations created in a Datastream
--   C sta_observation <tenant> <ids>       Observations created in MultiDatastreams
--   C <table> <tenant> <ids>               entities created
--   U <table> <tenant> <id> <columns>      one entity updated; the columns whose values changed
-- <ids> is a comma-separated list of ids and ranges ("7,9-12").

create function sta_notify_observations_created() returns trigger language plpgsql as $$
declare
    scattered boolean;
begin
    -- Observations of MultiDatastreams (rarer): announced as created entities; subscribers decide membership by reading
    perform pg_notify('gemeinwerk_sta_changes', 'C sta_observation ' || m.tenant_id || ' ' || c.ids)
    from (select numbered.multi_datastream_id, string_agg(numbered.id::text, ',' order by numbered.id) as ids
          from (select n.multi_datastream_id, n.id,
                       (row_number() over (partition by n.multi_datastream_id order by n.id)) / 300 as part
                from new_rows n where n.multi_datastream_id is not null) numbered
          group by numbered.multi_datastream_id, numbered.part) c
    join sta_multi_datastream m on m.id = c.multi_datastream_id;
    -- the usual case, one statement's rows of a Datastream having consecutive ids, is one range per Datastream and
    -- needs no sort: min, max and count tell it
    select coalesce(bool_or(g.n <> g.hi - g.lo + 1), false) into scattered
    from (select min(n.id) as lo, max(n.id) as hi, count(*) as n from new_rows n where n.datastream_id is not null
          group by n.datastream_id) g;
    if not scattered then
        perform pg_notify('gemeinwerk_sta_changes', 'O ' || d.tenant_id || ' ' || g.datastream_id || ' '
                          || case when g.lo = g.hi then g.lo::text else g.lo || '-' || g.hi end)
        from (select n.datastream_id, min(n.id) as lo, max(n.id) as hi from new_rows n
              where n.datastream_id is not null group by n.datastream_id) g
        join sta_datastream d on d.id = g.datastream_id;
        return null;
    end if;
    perform pg_notify('gemeinwerk_sta_changes', 'O ' || d.tenant_id || ' ' || c.datastream_id || ' ' || c.ids)
    from (select sized.datastream_id, string_agg(sized.range, ',' order by sized.lo) as ids
          from (select r.datastream_id, r.lo, r.range,
                       sum(length(r.range) + 1) over (partition by r.datastream_id order by r.lo) / 7000 as part
                from (select islands.datastream_id, min(islands.id) as lo,
                             case when min(islands.id) = max(islands.id) then min(islands.id)::text
                                  else min(islands.id) || '-' || max(islands.id) end as range
                      -- consecutive ids form one range: id minus its rank is constant within a run
                      from (select n.datastream_id, n.id,
                                   n.id - row_number() over (partition by n.datastream_id order by n.id) as island
                            from new_rows n where n.datastream_id is not null) islands
                      group by islands.datastream_id, islands.island) r) sized
          group by sized.datastream_id, sized.part) c
    join sta_datastream d on d.id = c.datastream_id;
    return null;
end $$;

create function sta_notify_created() returns trigger language plpgsql as $$
begin
    perform pg_notify('gemeinwerk_sta_changes', 'C ' || tg_table_name || ' ' || c.tenant_id || ' ' || c.ids)
    from (select numbered.tenant_id, string_agg(numbered.id::text, ',' order by numbered.id) as ids
          from (select n.tenant_id, n.id, (row_number() over (partition by n.tenant_id order by n.id)) / 300 as part
                from new_rows n) numbered
          group by numbered.tenant_id, numbered.part) c;
    return null;
end $$;

-- Only rows whose values really changed, and only the columns that did (compared as JSON, generically).
create function sta_notify_updated() returns trigger language plpgsql as $$
begin
    perform pg_notify('gemeinwerk_sta_changes', 'U ' || tg_table_name || ' ' || c.tenant_id || ' ' || c.id || ' ' || c.columns)
    from (select coalesce((nj ->> 'tenant_id')::bigint,
                          (select d.tenant_id from sta_datastream d where d.id = (nj ->> 'datastream_id')::bigint),
                          (select m.tenant_id from sta_multi_datastream m
                           where m.id = (nj ->> 'multi_datastream_id')::bigint)) as tenant_id,
                 (nj ->> 'id')::bigint as id,
                 (select string_agg(e.key, ',') from jsonb_each(nj) e where e.value is distinct from oj -> e.key) as columns
          from (select to_jsonb(n) as nj, to_jsonb(o) as oj from new_rows n join old_rows o on o.id = n.id) pairs) c
    where c.columns is not null and c.tenant_id is not null;
    return null;
end $$;

create trigger sta_observation_created after insert on sta_observation
    referencing new table as new_rows for each statement execute function sta_notify_observations_created();
create trigger sta_observation_updated after update on sta_observation
    referencing new table as new_rows old table as old_rows for each statement execute function sta_notify_updated();

do $$
declare
    entity_table text;
begin
    foreach entity_table in array array['sta_thing', 'sta_location', 'sta_historical_location', 'sta_datastream',
                                        'sta_sensor', 'sta_observed_property', 'sta_feature_of_interest',
                                        'sta_multi_datastream'] loop
        execute format('create trigger %I after insert on %I referencing new table as new_rows'
                       ' for each statement execute function sta_notify_created()', entity_table || '_created', entity_table);
        execute format('create trigger %I after update on %I referencing new table as new_rows old table as old_rows'
                       ' for each statement execute function sta_notify_updated()', entity_table || '_updated', entity_table);
    end loop;
end $$;
