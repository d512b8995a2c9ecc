package de.gemeinwerk.sensorthings.batch;

import java.util.List;

/**
 * How a unit of the batch went: one response per request, in order. For a failed atomicity group,
 * {@code failed} is the index (within the unit) of the request whose failure rolled the group back, else -1.
 */
public record UnitResult(Batch.Unit unit, List<SubResponse> responses, int failed) {

    public UnitResult {
        responses = List.copyOf(responses);
    }
}
