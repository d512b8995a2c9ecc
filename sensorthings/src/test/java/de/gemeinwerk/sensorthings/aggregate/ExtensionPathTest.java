package de.gemeinwerk.sensorthings.aggregate;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Where extension paths are told from standard ones, and bucket ends; pure. */
class ExtensionPathTest {

    @Test
    void onlyALastExtensionSegmentMakesAnExtensionPath() {
        assertThat(Extension.of("/Datastreams(1)/Observations/$aggregate")).isEqualTo(Extension.AGGREGATE);
        assertThat(Extension.of("/Things(5)/Datastreams/$latest/")).isEqualTo(Extension.LATEST);
        assertThat(Extension.LATEST.standardPath("/Things(5)/Datastreams/$latest/")).isEqualTo("/Things(5)/Datastreams");
        assertThat(Extension.of("/Datastreams/$latest/$ref")).isNull();
        assertThat(Extension.of("/Datastreams(1)/$ref")).isNull();
        assertThat(Extension.of("/Things(1)/name/$value")).isNull();
        assertThat(Extension.of("/$latestValues")).isNull();
    }

    @Test
    void calendarBucketsEndWhereTheCalendarSays() {
        Instant february = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(AggregateInterval.parse("month").bucketEnd(february)).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(AggregateInterval.parse("YEAR").bucketEnd(february)).isEqualTo("2025-02-01T00:00:00Z");
        assertThat(AggregateInterval.parse("P1DT12H").bucketEnd(february)).isEqualTo("2024-02-02T12:00:00Z");
    }
}
