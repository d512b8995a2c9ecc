-- Each Datastream's Observation count moves from delta rows (sta_observation_count: one row inserted per Datastream
-- and statement, folded every 10 s) into its extent row, which every insert statement updates anyway: the count is
-- added in the same update — one row write per Datastream and statement instead of three (delta heap row, its index
-- entry, and the fold's delete and re-insert). Writers of the same Datastream already wait for each other on that row.
-- Stop every instance of an older version before this upgrade: their statements write the dropped table. The delta
-- table is locked first, so a still-running old writer waits here instead of deadlocking with the extent table's lock.
lock table sta_observation_count in exclusive mode;

alter table sta_datastream_extent add column observation_count bigint not null default 0;

insert into sta_datastream_extent (datastream_id)
select distinct c.datastream_id from sta_observation_count c join sta_datastream d on d.id = c.datastream_id
on conflict (datastream_id) do nothing;

update sta_datastream_extent x set observation_count = s.total
from (select datastream_id, sum(delta) as total from sta_observation_count group by datastream_id) s
where s.datastream_id = x.datastream_id;

drop table sta_observation_count;
