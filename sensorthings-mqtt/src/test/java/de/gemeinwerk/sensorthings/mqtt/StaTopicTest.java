package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaTopicTest {

    @Test
    void aTopicIsTheHttpPathWithoutTheHost() {
        StaTopic topic = StaTopic.parse("musterstadt/v1.1/Datastreams(7)/Observations?$select=result,phenomenonTime");
        assertThat(topic.tenant()).isEqualTo("musterstadt");
        assertThat(topic.path().segments()).extracting(ResourcePath.Segment::name, ResourcePath.Segment::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Datastreams", 7L),
                        org.assertj.core.groups.Tuple.tuple("Observations", null));
        assertThat(topic.options().select()).extracting(s -> s.path().getFirst()).containsExactly("result", "phenomenonTime");
        assertThat(StaTopic.parse("musterstadt/v1.1/Things(1)/name").options().select()).isEmpty();
    }

    @Test
    void whatNamesNoResourceIsRefusedWithTheReason() {
        assertRefused("musterstadt/v1.1/#", "wildcards");
        assertRefused("musterstadt/v1.1/Things/+", "wildcards");
        assertRefused("musterstadt/v1.0/Things", "{tenant}/v1.1/");
        assertRefused("musterstadt/v1.1", "{tenant}/v1.1/");
        assertRefused("/v1.1/Things", "{tenant}/v1.1/");
        assertRefused("musterstadt/v1.1/Things?$filter=name eq 'x'", "only carry $select");
        assertRefused("musterstadt/v1.1/Things?$select=name&$select=id", "more than once");
        assertRefused("musterstadt/v1.1/Things(1)/$ref", "$ref and $value");
        assertRefused("musterstadt/v1.1/Things(x)", "path at position");
        assertRefused("musterstadt/v1.1/Things?$select=", "$select");
    }

    private static void assertRefused(String topic, String reason) {
        assertThatThrownBy(() -> StaTopic.parse(topic)).as(topic).isInstanceOf(StaTopic.InvalidTopic.class)
                .hasMessageContaining(reason);
    }
}
