-- LoRaWAN device types and devices: which decoder reads a device's payload, and which decoded field becomes which
-- SensorThings Datastream.

create table lorawan_device_type (
    id          bigint generated always as identity primary key,
    -- null for the types shipped with Gemeinwerk (their decoders live in the code: decoder.BuiltInDecoders)
    tenant_id   bigint references tenant (id) on delete cascade,
    key         text        not null check (key ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
    name        text        not null,
    description text        not null default '',
    -- usable (read-only) by every tenant
    shared      boolean     not null default false,
    -- JavaScript with decodeUplink(input); null: the built-in decoder of the same key, or none (uplinks arrive decoded)
    decoder     text,
    -- [{"field": "/distance", "name", "description", "observedProperty": {...}, "unitOfMeasurement": {...},
    --   "observationType", "scale"}]
    datastreams jsonb       not null,
    created_at  timestamptz not null default now()
);
create unique index lorawan_device_type_key on lorawan_device_type (coalesce(tenant_id, 0), key);
create index lorawan_device_type_shared on lorawan_device_type (shared) where shared;

create table lorawan_device (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null references tenant (id) on delete cascade,
    dev_eui        text        not null check (dev_eui ~ '^[0-9a-f]{16}$'),
    name           text        not null,
    description    text        not null default '',
    device_type_id bigint      not null references lorawan_device_type (id),
    -- GeoJSON geometry of where the device is, or null (then the first uplink's position, if it has one)
    location       jsonb,
    thing_id       bigint references sta_thing (id) on delete set null,
    -- set by the first uplink: [{"field", "scale", "datastream"}], the Datastreams created for the type's entries;
    -- kept on the device so that later changes of the type do not re-route existing Datastreams
    datastreams    jsonb,
    created_at     timestamptz not null default now(),
    unique (tenant_id, dev_eui)
);
create index lorawan_device_type_use on lorawan_device (device_type_id);
create index lorawan_device_thing on lorawan_device (thing_id);

-- A Thing deleted through the SensorThings API takes its Datastreams along (and sets thing_id null): the device's
-- Datastreams are then forgotten too, so that its next uplink creates new ones instead of writing into nothing.
create function lorawan_device_forget_datastreams() returns trigger language plpgsql as $$
begin
    new.datastreams := null;
    return new;
end $$;
create trigger lorawan_device_thing_deleted before update of thing_id on lorawan_device
    for each row when (old.thing_id is not null and new.thing_id is null)
    execute function lorawan_device_forget_datastreams();

-- The four device types shipped with their decoders. Units in UCUM; ObservedProperties by QUDT quantity kinds where
-- one exists, so that Datastreams of different devices measuring the same thing share one ObservedProperty. What
-- several types measure alike (battery, temperature) is written once below and given each type's field.
with measured(what, entry) as (values
  ('battery-percent', '{"name": "Batterie", "description": "Ladezustand der Batterie",
    "observedProperty": {"name": "Batterieladung", "definition": "http://qudt.org/vocab/quantitykind/StateOfCharge",
                         "description": "Ladezustand der Batterie in Prozent"},
    "unitOfMeasurement": {"name": "Prozent", "symbol": "%", "definition": "http://unitsofmeasure.org/ucum.html#%"},
    "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb),
  ('battery-voltage', '{"name": "Batteriespannung", "description": "Spannung der Batterie",
    "observedProperty": {"name": "Batteriespannung", "definition": "http://qudt.org/vocab/quantitykind/Voltage",
                         "description": "Elektrische Spannung der Batterie"},
    "unitOfMeasurement": {"name": "Volt", "symbol": "V", "definition": "http://unitsofmeasure.org/ucum.html#V"},
    "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'),
  ('temperature', '{"description": "Temperatur der Luft",
    "observedProperty": {"name": "Lufttemperatur", "definition": "http://qudt.org/vocab/quantitykind/Temperature",
                         "description": "Temperatur"},
    "unitOfMeasurement": {"name": "Grad Celsius", "symbol": "°C", "definition": "http://unitsofmeasure.org/ucum.html#Cel"},
    "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}')
), m as (select jsonb_object_agg(what, entry) as e from measured)
insert into lorawan_device_type (tenant_id, key, name, description, shared, datastreams)
select null, key, name, description, true, datastreams from m, lateral (values
('milesight-em500-udl', 'Milesight EM500-UDL', 'Ultraschall-Abstandssensor (Füllstand von Behältern, Schächten)',
 jsonb_build_array(
   '{"field": "/distance", "name": "Abstand", "description": "Abstand vom Sensor zur Oberfläche",
     "observedProperty": {"name": "Abstand", "definition": "http://qudt.org/vocab/quantitykind/Distance",
                          "description": "Abstand zwischen Sensor und gemessener Oberfläche"},
     "unitOfMeasurement": {"name": "Millimeter", "symbol": "mm", "definition": "http://unitsofmeasure.org/ucum.html#mm"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb,
   m.e -> 'battery-percent' || '{"field": "/battery"}')),
('milesight-em500-swl', 'Milesight EM500-SWL', 'Drucksonde für Wasserstände (Pegel, Regenrückhaltebecken)',
 jsonb_build_array(
   '{"field": "/distance", "name": "Wasserstand", "description": "Wasserstand über der Sonde",
     "observedProperty": {"name": "Wasserstand", "definition": "http://vocab.nerc.ac.uk/collection/P07/current/CFSN0721/",
                          "description": "Höhe des Wasserspiegels über dem Bezugspunkt"},
     "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "http://unitsofmeasure.org/ucum.html#cm"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb,
   m.e -> 'battery-percent' || '{"field": "/battery"}')),
('dragino-laq4', 'Dragino LAQ4', 'Luftqualitätssensor (CO2, TVOC, Temperatur, Luftfeuchte)',
 jsonb_build_array(
   '{"field": "/CO2_ppm", "name": "CO2", "description": "Kohlendioxid-Konzentration der Luft",
     "observedProperty": {"name": "CO2-Konzentration", "definition": "http://vocab.nerc.ac.uk/collection/P07/current/CFSN0219/",
                          "description": "Anteil von Kohlendioxid in der Luft"},
     "unitOfMeasurement": {"name": "Teile pro Million", "symbol": "ppm", "definition": "http://unitsofmeasure.org/ucum.html#[ppm]"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb,
   '{"field": "/TVOC_ppb", "name": "TVOC", "description": "Summe flüchtiger organischer Verbindungen",
     "observedProperty": {"name": "TVOC-Konzentration", "definition": "https://en.wikipedia.org/wiki/Volatile_organic_compound",
                          "description": "Summe der flüchtigen organischen Verbindungen in der Luft"},
     "unitOfMeasurement": {"name": "Teile pro Milliarde", "symbol": "ppb", "definition": "http://unitsofmeasure.org/ucum.html#[ppb]"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb,
   m.e -> 'temperature' || '{"field": "/TempC_SHT", "name": "Lufttemperatur"}',
   '{"field": "/Hum_SHT", "name": "Luftfeuchte", "description": "Relative Luftfeuchte",
     "observedProperty": {"name": "Relative Luftfeuchte", "definition": "http://qudt.org/vocab/quantitykind/RelativeHumidity",
                          "description": "Relative Feuchte der Luft"},
     "unitOfMeasurement": {"name": "Prozent", "symbol": "%", "definition": "http://unitsofmeasure.org/ucum.html#%"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"}'::jsonb,
   m.e -> 'battery-voltage' || '{"field": "/Bat_V"}')),
('nwave-nps405', 'Nwave NPS405', 'Parkplatzsensor (Belegung eines Stellplatzes)',
 jsonb_build_array(
   '{"field": "/occupied", "name": "Belegung", "description": "Ob der Stellplatz belegt ist",
     "observedProperty": {"name": "Stellplatzbelegung", "definition": "https://schema.org/occupancy",
                          "description": "Ob ein Stellplatz belegt ist (true) oder frei (false)"},
     "unitOfMeasurement": {"name": "belegt/frei", "symbol": "", "definition": "https://schema.org/Boolean"},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation"}'::jsonb,
   '{"field": "/type", "name": "Meldungsart", "description": "Art der Meldung (parking_status, heartbeat, startup, ...)",
     "observedProperty": {"name": "Meldungsart", "definition": "https://www.thethingsnetwork.org/device-repository/devices/nwave/nps405/",
                          "description": "Art der Meldung des Parkplatzsensors"},
     "unitOfMeasurement": {"name": "Status", "symbol": "", "definition": ""},
     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CategoryObservation"}'::jsonb,
   m.e -> 'temperature' || '{"field": "/temperature", "name": "Temperatur", "description": "Temperatur im Sensor"}',
   m.e -> 'battery-voltage' || '{"field": "/battery_voltage"}'))
) as t(key, name, description, datastreams)
order by key = 'milesight-em500-udl' desc, key = 'milesight-em500-swl' desc, key = 'dragino-laq4' desc;
