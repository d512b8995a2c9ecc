package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks and the plan of a batch before it runs: units, dependencies, what may be referenced. */
class BatchTest {

    private static SubRequest request(int index, String id, String group, String... dependsOn) {
        return new SubRequest(id, group, List.of(dependsOn), "GET", "Things", Map.of(), null, "requests[" + index + "]");
    }

    @Test
    void groupsBecomeUnitsAndDependenciesExpandToRequests() {
        Batch batch = Batch.of(List.of(request(0, "a", null), request(1, "b", "g"), request(2, "c", "g", "a"),
                request(3, "d", null, "g"), request(4, "e", "h", "d")), 10);

        assertThat(batch.units()).extracting(Batch.Unit::group).containsExactly(null, "g", null, "h");
        assertThat(batch.units().get(1).indexes()).containsExactly(1, 2);
        assertThat(batch.dependencies(2)).containsExactly("a");
        assertThat(batch.dependencies(3)).containsExactly("b", "c");
        assertThat(batch.mayReference(2, "b")).as("an earlier request of the same group").isTrue();
        assertThat(batch.mayReference(2, "a")).as("named in dependsOn").isTrue();
        assertThat(batch.mayReference(1, "c")).as("a later request of the group").isFalse();
        assertThat(batch.mayReference(3, "a")).as("earlier, but neither in the group nor depended on").isFalse();
        assertThat(batch.mayReference(4, "d")).isTrue();
    }

    @Test
    void requestsWithoutIdsArePlannedToo() {
        Batch batch = Batch.of(List.of(request(0, null, "cs"), request(1, "1", "cs"), request(2, null, "cs")), 3);

        assertThat(batch.units()).hasSize(1);
        assertThat(batch.mayReference(2, "1")).isTrue();
    }

    @Test
    void refusesWhatCannotBePlanned() {
        assertThat(error(request(0, "a", null), request(1, "a", null))).isEqualTo("requests[1].id");
        assertThat(error(request(0, "a", null, "b"), request(1, "b", null))).isEqualTo("requests[0].dependsOn");
        assertThat(error(request(0, "a", null, "a"))).isEqualTo("requests[0].dependsOn");
        assertThat(error(request(0, "a", "g"), request(1, "b", "g", "g"))).isEqualTo("requests[1].dependsOn");
        assertThat(error(request(0, "a", "g"), request(1, "b", null), request(2, "c", "g")))
                .isEqualTo("requests[2].atomicityGroup");
        assertThat(error(request(0, "a", null), request(1, "b", "a"))).isEqualTo("requests[0].id");
    }

    @Test
    void limitsTheNumberOfRequests() {
        List<SubRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(request(i, String.valueOf(i), null));
        }
        assertThat(Batch.of(requests, 4).requests()).hasSize(4);
        ApiException tooMany = catchThrowableOfType(ApiException.class, () -> Batch.of(requests, 3));
        assertThat(tooMany.status().value()).isEqualTo(413);
    }

    private static String error(SubRequest... requests) {
        return catchThrowableOfType(ApiException.class, () -> Batch.of(List.of(requests), 100)).where();
    }
}
