-- Observations created in many Datastreams by one statement (a LoRaWAN group touches a few hundred, one or two
-- Observations each) were announced with one notification per Datastream: hundreds of pg_notify calls per statement,
-- each queued, checked for duplicates and written to the notification queue at commit, and each received and parsed
-- by every listening instance. Now the Datastreams of one tenant share notifications, up to ~7000 bytes each:
--   O <tenant> <datastream> <ids> [<datastream> <ids>]...
-- The former payload is the case of one Datastream, so this version reads both; an older instance would read only the
-- first Datastream of a packed payload (notifications are best effort: update all instances together). A statement
-- whose Observations of some Datastream are not one id range (rare: two uplinks of one device in one group) still
-- takes the per-Datastream path below. Everything else is as in V2026.11.22.15__change_notifications.sql.
create or replace function sta_notify_observations_created() returns trigger language plpgsql as $$
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
        -- "<datastream> <range>" entries, packed per tenant into notifications of at most ~7000 bytes of entries
        perform pg_notify('gemeinwerk_sta_changes', 'O ' || p.tenant_id || ' ' || p.entries)
        from (select e.tenant_id, string_agg(e.entry, ' ' order by e.datastream_id) as entries
              from (select d.tenant_id, g.datastream_id, g.entry,
                           sum(length(g.entry) + 1) over (partition by d.tenant_id order by g.datastream_id) / 7000 as part
                    from (select n.datastream_id, n.datastream_id || ' ' || case when min(n.id) = max(n.id)
                                 then min(n.id)::text else min(n.id) || '-' || max(n.id) end as entry
                          from new_rows n where n.datastream_id is not null group by n.datastream_id) g
                    join sta_datastream d on d.id = g.datastream_id) e
              group by e.tenant_id, e.part) p;
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
