-- What $latest and $aggregate read instead of the big table (see observations.DatastreamSummaries). Both are kept
-- by the insert statement itself and recomputed exactly for the affected Datastreams and hours when Observations
-- are deleted, moved or changed.

-- The latest Observation of each Datastream, in the order of $orderby=phenomenonTime desc (start, then id), with a
-- copy of its time and result: kept beside the time envelope, whose row every insert updates anyway. $latest of
-- 10,000 Datastreams then reads 10,000 rows of this small table and not one Observation; expands that need other
-- properties look the Observation up by its id.
-- Each column is latest_ and the Observation's column.
alter table sta_datastream_extent
    add column latest_id                    bigint,
    add column latest_phenomenon_time_start timestamptz,
    add column latest_phenomenon_time_end   timestamptz,
    add column latest_result_type           smallint,
    add column latest_result_number         double precision,
    add column latest_result_string         text,
    add column latest_result_boolean        boolean,
    add column latest_result_json           jsonb;

update sta_datastream_extent x
set (latest_id, latest_phenomenon_time_start, latest_phenomenon_time_end, latest_result_type, latest_result_number,
     latest_result_string, latest_result_boolean, latest_result_json) =
    (select o.id, o.phenomenon_time_start, o.phenomenon_time_end, o.result_type, o.result_number, o.result_string,
            o.result_boolean, o.result_json
     from sta_observation o where o.datastream_id = x.datastream_id
     order by o.phenomenon_time_start desc, o.id desc limit 1);

-- Count, sum, minimum and maximum of the numeric results (result_number not null, as $aggregate counts them) of
-- each Datastream and UTC hour of phenomenonTime start. A year of hourly rows is 8,760 rows instead of 525,600
-- minutes; hours without a numeric result have no row. Written by every insert statement, so like sta_observation it
-- has no foreign key (a per-row trigger): deleting a Datastream deletes its rows explicitly (write.EntityDeleter).
create table sta_observation_hourly (
    datastream_id bigint           not null,
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
where o.result_number is not null
group by 1, 2;
