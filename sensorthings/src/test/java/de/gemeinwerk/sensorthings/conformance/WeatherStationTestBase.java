package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests that read (or try in vain to change) one {@link WeatherStation}, created once per test class in a tenant of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WeatherStationTestBase extends ConformanceTestBase {

    WeatherStation station;

    @BeforeAll
    void createTheWeatherStation() {
        station = new WeatherStation(newTenant("wetter"));
    }

    StaClient client() {
        return station.client;
    }
}
