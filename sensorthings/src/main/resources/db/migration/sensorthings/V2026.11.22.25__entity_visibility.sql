-- Public and private Things, Datastreams and MultiDatastreams (package de.gemeinwerk.sensorthings.visibility,
-- README "Public and private entities"). Every entity is public unless staff mark it private; private ones are
-- hidden from readers without an API key of their tenant (sql.ReadScope decides how).
--
-- A column with a constant default is added without rewriting the table. The partial indexes hold only the private
-- rows, so they stay tiny: they answer "does this tenant have any private entity?" (visibility.PrivateEntities)
-- with one index probe, and a tenant without private entities reads with no visibility condition at all.
alter table sta_thing add column is_public boolean not null default true;
alter table sta_datastream add column is_public boolean not null default true;
alter table sta_multi_datastream add column is_public boolean not null default true;

create index sta_thing_private on sta_thing (tenant_id) where not is_public;
create index sta_datastream_private on sta_datastream (tenant_id) where not is_public;
create index sta_multi_datastream_private on sta_multi_datastream (tenant_id) where not is_public;
