-- What $latest and $aggregate read instead of the big table (see observations.DatastreamSummaries). Both are kept
-- by the insert statement itself and recomputed exactly for the affected Datastreams and hours when Observations
-- are deleted, moved or changed.

-- The latest Observation of each Datastream, in the order of $orderby=phenomenonTime desc (start, then id): kept
-- beside the time envelope, whose row every insert updates anyway. $latest of 10,000 Datastreams is then 10,000
-- primary-key lookups instead of 10,000 descents of the time index.
alter table sta_datastream_extent
    add column latest_start timestamptz,
    add column latest_id    bigint;

update sta_datastream_extent x
set (latest_start, latest_id) = (select o.phenomenon_time_start, o.id from sta_observation o
                                 where o.datastream_id = x.datastream_id
                                 order by o.phenomenon_time_start desc, o.id desc limit 1);

-- Count, sum, minimum and maximum of the numeric results (result_number not null, as $aggregate counts them) of
-- each Datastream and UTC hour of phenomenonTime start. A year of hourly rows is 8,760 rows instead of 525,600
-- minutes; hours without a numeric result have no row.
create table sta_observation_hourly (
    datastream_id bigint           not null references sta_datastream (id) on delete cascade,
    hour_start    timestamptz      not null,
    count         bigint           not null,
    sum           double precision not null,
    min           double precision not null,
    max           double precision not null,
    primary key (datastream_id, hour_start)
);

insert into sta_observation_hourly (datastream_id, hour_start, count, sum, min, max)
select o.datastream_id, date_bin(interval '1 hour', o.phenomenon_time_start, timestamptz '2000-01-03 00:00:00+00'),
       count(*), sum(o.result_number), min(o.result_number), max(o.result_number)
from sta_observation o
where o.result_number is not null and o.datastream_id in (select d.id from sta_datastream d)
group by 1, 2;
