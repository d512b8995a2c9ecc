package de.gemeinwerk.sensorthings.observations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hours a change touches, and merging them so that no hour is recomputed twice in one statement. */
class ObservationChangeTest {

    private static final long H = 3600;
    private static final Instant T = Instant.parse("2024-05-01T10:20:30.5Z");
    private static final long HOUR_OF_T = Instant.parse("2024-05-01T10:00:00Z").getEpochSecond();

    @Test
    void oneObservationTouchesItsHour() {
        assertThat(ObservationChange.at(1, T).hours()).isEqualTo(new ObservationChange.Hours(1, HOUR_OF_T, HOUR_OF_T + H));
    }

    @Test
    void timesBeforeTheEpochBelongToTheHourTheyLieIn() {
        Instant before = Instant.parse("1969-12-31T23:59:59.9Z");
        assertThat(ObservationChange.at(1, before).hours()).isEqualTo(new ObservationChange.Hours(1, -H, 0L));
    }

    @Test
    void deletedUpToATimeIsOpenBeforeAndEndsWithTheHourOfThatTime() {
        assertThat(ObservationChange.upTo(1, T).hours()).isEqualTo(new ObservationChange.Hours(1, null, HOUR_OF_T + H));
        assertThat(ObservationChange.everything(1).hours()).isEqualTo(new ObservationChange.Hours(1, null, null));
    }

    @Test
    void overlappingAndTouchingRangesOfADatastreamAreMergedOthersKept() {
        List<ObservationChange.Hours> merged = ObservationChange.mergedHours(List.of(
                ObservationChange.at(2, T),
                ObservationChange.at(1, T.plusSeconds(2 * H)),
                ObservationChange.at(1, T),
                ObservationChange.at(1, T.plusSeconds(H)),
                ObservationChange.at(1, T.plusSeconds(5 * H)),
                new ObservationChange(1, T.plusSeconds(4 * H), T.plusSeconds(5 * H)),
                ObservationChange.at(3, T),
                ObservationChange.upTo(3, T.plusSeconds(7 * H))));
        assertThat(merged).containsExactly(
                new ObservationChange.Hours(1, HOUR_OF_T, HOUR_OF_T + 3 * H),
                new ObservationChange.Hours(1, HOUR_OF_T + 4 * H, HOUR_OF_T + 6 * H),
                new ObservationChange.Hours(2, HOUR_OF_T, HOUR_OF_T + H),
                new ObservationChange.Hours(3, null, HOUR_OF_T + 8 * H));
    }
}
