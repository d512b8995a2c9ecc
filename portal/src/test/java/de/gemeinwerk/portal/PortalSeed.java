package de.gemeinwerk.portal;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small municipality for the portal's tests, created through the real SensorThings API: a water gauge, a car park
 * and an air station (three Things with Locations near each other, four Datastreams), with Observations every hour
 * over the last three days and one a day over the last year, so every chart period has values; the air station's
 * fine dust every 30 seconds over the last day.
 */
public final class PortalSeed {

    /** The latest water level every test can look for; a distinctive number. */
    public static final double LATEST_WATER_LEVEL = 87.25;
    /** Fine dust is measured every 30 seconds: more values in a day than the Thing page draws as points. */
    public static final int DENSE_DAY_VALUES = 2_400;

    public final StaClient sta;
    public final long gauge;
    public final long waterLevel;
    public final long carPark;
    public final long freeSpaces;
    public final long airStation;

    private PortalSeed(StaClient sta, long gauge, long waterLevel, long carPark, long freeSpaces, long airStation) {
        this.sta = sta;
        this.gauge = gauge;
        this.waterLevel = waterLevel;
        this.carPark = carPark;
        this.freeSpaces = freeSpaces;
        this.airStation = airStation;
    }

    public static PortalSeed create(int port, Tenants tenants, ApiKeys keys, String prefix) {
        StaClient sta = StaClient.newTenant(port, tenants, keys, prefix);
        long gauge = thing(sta, "Pegel Mühlbach", "Wasserstand am Mühlbach", 9.5031, 51.3012);
        long waterLevel = datastream(sta, gauge, "Wasserstand Mühlbach", "Wasserstand", "Zentimeter", "cm");
        long carPark = thing(sta, "Parkplatz Marktplatz", "Freie Stellplätze am Marktplatz", 9.4978, 51.2991);
        long freeSpaces = datastream(sta, carPark, "Freie Stellplätze Marktplatz", "Freie Stellplätze", "Anzahl",
                "{count}");
        long air = thing(sta, "Luftmessstation Rathaus", "Luftqualität am Rathaus", 9.5010, 51.3030);
        // a UCUM code, as many sensors send it; pages show °C
        long temperature = datastream(sta, air, "Lufttemperatur Rathaus", "Lufttemperatur", "Grad Celsius", "Cel");
        long dust = datastream(sta, air, "Feinstaub Rathaus", "PM10", "Mikrogramm pro Kubikmeter", "µg/m³");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        observations(sta, waterLevel, now, hour -> 80 + (hour % 10), LATEST_WATER_LEVEL);
        observations(sta, freeSpaces, now, hour -> 20 + (hour % 15), 23);
        observations(sta, temperature, now, hour -> 5 + (hour % 6) * 0.5, 8.5);
        denseDay(sta, dust, now);
        return new PortalSeed(sta, gauge, waterLevel, carPark, freeSpaces, air);
    }

    /** Every 30 seconds over the last day: more than a chart of a day draws as points. */
    private static void denseDay(StaClient sta, long datastream, Instant now) {
        List<String> rows = new ArrayList<>();
        for (int step = DENSE_DAY_VALUES; step > 0; step--) {
            rows.add(row(now.minusSeconds(30L * step), 15 + step % 20));
        }
        createObservations(sta, datastream, rows);
    }

    private static long thing(StaClient sta, String name, String description, double lon, double lat) {
        return sta.create("Things", """
                {"name": "%s", "description": "%s",
                 "Locations": [{"name": "%s", "description": "Standort", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [%s, %s]}}]}"""
                .formatted(name, description, name, lon, lat));
    }

    private static long datastream(StaClient sta, long thing, String name, String property, String unit,
                                   String symbol) {
        return sta.create("Things(" + thing + ")/Datastreams", """
                {"name": "%s", "description": "%s",
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "unitOfMeasurement": {"name": "%s", "symbol": "%s", "definition": "https://ucum.org"},
                 "Sensor": {"name": "Sensor %s", "description": "Messgerät", "encodingType": "text/html",
                            "metadata": "https://example.org"},
                 "ObservedProperty": {"name": "%s", "definition": "https://example.org/%s", "description": "%s"}}"""
                .formatted(name, name, unit, symbol, name, property, property.hashCode(), property));
    }

    interface Series {
        double at(int hour);
    }

    /** Hourly over the last 72 hours, daily over the year before, and {@code latest} now. */
    private static void observations(StaClient sta, long datastream, Instant now, Series series, double latest) {
        List<String> rows = new ArrayList<>();
        for (int day = 365; day > 3; day--) {
            rows.add(row(now.minus(Duration.ofDays(day)), series.at(day)));
        }
        for (int hour = 72; hour > 0; hour--) {
            rows.add(row(now.minus(Duration.ofHours(hour)), series.at(hour)));
        }
        rows.add(row(now, latest));
        createObservations(sta, datastream, rows);
    }

    private static void createObservations(StaClient sta, long datastream, List<String> rows) {
        String body = """
                [{"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"], "dataArray": [%s]}]"""
                .formatted(datastream, String.join(",", rows));
        HttpResponse<String> created = sta.send("POST", "CreateObservations", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("error");
    }

    private static String row(Instant time, double value) {
        return String.format(Locale.ROOT, "[\"%s\", %s]", time, value);
    }
}
