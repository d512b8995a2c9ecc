-- What the public portal of a tenant shows beyond its data: the optional base map and the municipality's boundary.
-- One row per tenant that has set anything; without a row the map has a plain background and no boundary.

create table portal_settings (
    tenant_id        bigint primary key references tenant (id) on delete cascade,
    -- an XYZ tile URL template (https://…/{z}/{x}/{y}.png); null = no base map, so the page makes no outbound request
    tile_url         text check (tile_url is null or tile_url ~ '^https?://'),
    -- required by most tile providers' terms; shown in the map's corner
    tile_attribution text,
    -- a GeoJSON Polygon or MultiPolygon (longitude, latitude), drawn on the map and used to frame it
    boundary         jsonb,
    updated_at       timestamptz not null default now()
);
