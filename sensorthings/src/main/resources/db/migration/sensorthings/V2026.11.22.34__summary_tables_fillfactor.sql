-- Every insert statement updates the extent row of each Datastream it writes to, and the rollup row of each
-- (Datastream, hour). An update that finds room on its row's page is a HOT update: no new index entry, one WAL record.
-- On full pages (the default fillfactor 100) nearly every one of them also inserted into the primary-key index — about
-- two WAL records per Datastream and statement that bought nothing, and an index that grew with every write. Room is
-- left on each page for the next versions of its rows; pruning makes it free again.
alter table sta_datastream_extent set (fillfactor = 50);
-- its rows are one per Datastream and few: rewrite them now so that every page has the room
cluster sta_datastream_extent using sta_datastream_extent_pkey;
-- one new row per Datastream and hour, updated during that hour only: new pages get the room, old hours need none
alter table sta_observation_hourly set (fillfactor = 70);
