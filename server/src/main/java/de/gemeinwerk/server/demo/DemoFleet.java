package de.gemeinwerk.server.demo;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The sensors of the demo municipality: what a small town typically measures first. Coordinates lie in
 * a fictional town in northern Hesse; values follow plausible daily cycles.
 */
final class DemoFleet {

    private DemoFleet() {}

    record Stream(String name, String property, String definition, String unit, String symbol, String observationType,
                  DoubleUnaryOperator valueAtHourOfDay, double noise) {}

    record Sensor(String thing, String description, double lon, double lat, String sensorName, String sensorMetadata,
                  List<Stream> streams) {}

    static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";
    static final String COUNT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation";

    static final List<Sensor> SENSORS = List.of(
            new Sensor("Pegel Mühlbach", "Wasserstand des Mühlbachs an der Brücke Mühlenweg", 9.5031, 51.3012,
                    "Radarpegel RP-30", "https://example.org/datenblatt/radarpegel-rp30",
                    List.of(new Stream("Wasserstand Mühlbach", "Wasserstand", "https://www.wikidata.org/wiki/Q1136956",
                            "Zentimeter", "cm", MEASUREMENT, h -> 84 + 6 * Math.sin(h / 24 * 2 * Math.PI), 1.5))),
            new Sensor("Parkplatz Marktplatz", "Belegung der 48 Stellplätze am Marktplatz", 9.4978, 51.2991,
                    "Parksensor-Gateway Marktplatz", "https://example.org/datenblatt/parksensor",
                    List.of(new Stream("Freie Stellplätze Marktplatz", "Freie Stellplätze",
                            "urn:gemeinwerk:observed-property:free-parking-spaces", "Anzahl", "{count}", COUNT,
                            h -> h < 7 || h > 20 ? 40 : 12 + 10 * Math.cos((h - 13) / 6 * Math.PI), 3))),
            new Sensor("Luftmessstation Rathaus", "Feinstaub und Temperatur vor dem Rathaus", 9.4995, 51.3003,
                    "Feinstaubsensor SDS011", "https://example.org/datenblatt/sds011",
                    List.of(new Stream("PM10 Rathaus", "PM10", "https://www.wikidata.org/wiki/Q48035511", "Mikrogramm pro Kubikmeter",
                                    "ug/m3", MEASUREMENT, h -> 18 + 8 * Math.exp(-Math.pow(h - 8, 2) / 4) + 6 * Math.exp(-Math.pow(h - 17, 2) / 4), 2),
                            new Stream("Lufttemperatur Rathaus", "Lufttemperatur", "https://www.wikidata.org/wiki/Q11466",
                                    "Grad Celsius", "Cel", MEASUREMENT, h -> 6 + 5 * Math.sin((h - 9) / 24 * 2 * Math.PI), 0.4))),
            new Sensor("Bodenfeuchte Stadtpark", "Bodenfeuchte unter der Linde im Stadtpark", 9.5060, 51.3030,
                    "Bodenfeuchtesensor SMT-100", "https://example.org/datenblatt/smt100",
                    List.of(new Stream("Bodenfeuchte Stadtpark", "Volumetrischer Wassergehalt des Bodens",
                            "https://www.wikidata.org/wiki/Q1047227", "Prozent", "%", MEASUREMENT,
                            h -> 31 - 0.05 * h, 0.3))),
            new Sensor("Abfallbehälter Bahnhof", "Füllstand des Unterflurbehälters am Bahnhof", 9.4940, 51.2978,
                    "Füllstandssensor Ultraschall", "https://example.org/datenblatt/fuellstand",
                    List.of(new Stream("Füllstand Abfallbehälter Bahnhof", "Füllstand", "urn:gemeinwerk:observed-property:fill-level",
                            "Prozent", "%", MEASUREMENT, h -> Math.min(100, 10 + 3.5 * h), 2))));
}
