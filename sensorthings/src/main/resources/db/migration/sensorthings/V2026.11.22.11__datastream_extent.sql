-- Most Observations have no resultTime. max(result_time) on an index that holds the NULLs walks backwards
-- through all of them before it finds a value; an index without them answers min and max in one descent.
drop index sta_observation_datastream_result_time;
create index sta_observation_datastream_result_time on sta_observation (datastream_id, result_time)
    where result_time is not null;

-- A Datastream's phenomenonTime and resultTime: the envelope of its Observations' times. The insert statement
-- widens it (one row per Datastream and batch); deletes and changes of Observations recompute it exactly from
-- the indexes. Reading a Datastream is then one primary-key lookup instead of five index descents.
create table sta_datastream_extent (
    datastream_id    bigint primary key references sta_datastream (id) on delete cascade,
    phenomenon_start timestamptz,
    phenomenon_end   timestamptz,
    result_start     timestamptz,
    result_end       timestamptz
);

insert into sta_datastream_extent
select d.id,
       (select min(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
       greatest((select max(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
                (select max(o.phenomenon_time_end) from sta_observation o where o.datastream_id = d.id)),
       (select min(o.result_time) from sta_observation o where o.datastream_id = d.id),
       (select max(o.result_time) from sta_observation o where o.datastream_id = d.id)
from sta_datastream d
where exists (select 1 from sta_observation o where o.datastream_id = d.id);
