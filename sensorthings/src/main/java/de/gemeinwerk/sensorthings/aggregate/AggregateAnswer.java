package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.read.EntityReader;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.util.List;

/**
 * The buckets of {@code $aggregate}: {@code {"phenomenonTime": "start/end", "avg": ..., "count": ...}} in the
 * order of the statement (Datastream, then time). When the request addressed Datastreams rather than the
 * Observations of one, each bucket names its Datastream first, as {@code "Datastream@iot.id"}.
 */
record AggregateAnswer(AggregateParameters parameters, List<Bucket> buckets, boolean perDatastream,
                       EntityReader.Page datastreams) implements ExtensionAnswer {

    /** One row of {@link AggregateStatement}: values in the order of the parameters' functions. */
    record Bucket(long datastreamId, long startEpochSecond, double[] values) {}

    @Override
    public void write(JsonGenerator g, String nextLink) {
        g.writeStartObject();
        g.writeName("value");
        g.writeStartArray();
        for (Bucket bucket : buckets) {
            g.writeStartObject();
            if (perDatastream) {
                g.writeName("Datastream@iot.id");
                g.writeNumber(bucket.datastreamId());
            }
            Instant start = Instant.ofEpochSecond(bucket.startEpochSecond());
            g.writeName("phenomenonTime");
            g.writeString(start + "/" + parameters.interval().bucketEnd(start));
            int i = 0;
            for (AggregateFunction function : parameters.functions()) {
                g.writeName(function.jsonName());
                double value = bucket.values()[i++];
                if (function == AggregateFunction.COUNT) {
                    g.writeNumber((long) value);
                } else {
                    g.writeNumber(value);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        ExtensionAnswer.writeNextLink(g, nextLink);
        g.writeEndObject();
    }
}
