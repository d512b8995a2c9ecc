package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A batch checked as a whole before anything runs: ids unique, each atomicity group in one piece, every
 * {@code dependsOn} naming something that comes before (so there can be no cycles). It knows, for each request,
 * which requests must have succeeded first and which ones it may reference as {@code $id}.
 */
public final class Batch {

    /** Requests that run together: one request, or an atomicity group (one transaction). */
    public record Unit(String group, List<Integer> indexes) {}

    private final List<SubRequest> requests;
    private final List<Unit> units = new ArrayList<>();
    private final List<Set<String>> dependencies = new ArrayList<>();
    private final List<Set<String>> referable = new ArrayList<>();

    private Batch(List<SubRequest> requests) {
        this.requests = List.copyOf(requests);
    }

    /** @throws ApiException 413 beyond {@code maxRequests}, 400 naming the request that breaks a rule */
    public static Batch of(List<SubRequest> requests, int maxRequests) {
        if (requests.size() > maxRequests) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "a batch holds at most " + maxRequests
                    + " requests; this one has " + requests.size() + " (split it into several batches)", "body");
        }
        Batch batch = new Batch(requests);
        batch.plan();
        return batch;
    }

    public List<SubRequest> requests() {
        return requests;
    }

    public List<Unit> units() {
        return units;
    }

    /** Ids of the requests that must have succeeded before request {@code index} runs. */
    public Set<String> dependencies(int index) {
        return dependencies.get(index);
    }

    /** Whether request {@code index} may use {@code $id}: an earlier request of its group or one it depends on. */
    public boolean mayReference(int index, String id) {
        return referable.get(index).contains(id);
    }

    private void plan() {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            SubRequest request = requests.get(i);
            String group = request.group();
            Unit last = units.isEmpty() ? null : units.getLast();
            if (group != null && last != null && group.equals(last.group())) {
                last.indexes().add(i);
            } else {
                if (group != null && groups.containsKey(group)) {
                    throw ApiException.badRequest("the requests of atomicity group '" + group
                            + "' must follow each other", request.where("atomicityGroup"));
                }
                units.add(new Unit(group, new ArrayList<>(List.of(i))));
            }
            Set<String> sameGroup = group == null ? Set.of() : new LinkedHashSet<>(groups.computeIfAbsent(group,
                    g -> new ArrayList<>()));
            Set<String> dependsOn = dependsOn(request, ids, groups);
            dependencies.add(dependsOn);
            Set<String> mayReference = new LinkedHashSet<>(sameGroup);
            mayReference.addAll(dependsOn);
            referable.add(mayReference);
            if (request.id() != null) {
                Integer earlier = ids.putIfAbsent(request.id(), i);
                if (earlier != null) {
                    throw ApiException.badRequest("the id '" + request.id() + "' is used twice in this batch",
                            request.where("id"));
                }
                if (group != null) {
                    groups.get(group).add(request.id());
                }
            }
        }
        for (String group : groups.keySet()) {
            Integer request = ids.get(group);
            if (request != null) {
                throw ApiException.badRequest("'" + group + "' names both a request and an atomicity group",
                        requests.get(request).where("id"));
            }
        }
    }

    /** The ids behind {@code dependsOn}: requests named directly, and every request of a named atomicity group. */
    private static Set<String> dependsOn(SubRequest request, Map<String, Integer> ids, Map<String, List<String>> groups) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : request.dependsOn()) {
            if (ids.containsKey(name)) {
                result.add(name);
            } else if (groups.containsKey(name) && !Objects.equals(name, request.group())) {
                result.addAll(groups.get(name));
            } else {
                throw ApiException.badRequest("dependsOn names '" + name + "', which is neither an earlier request"
                        + " nor an earlier atomicity group of this batch (a request can only depend on what comes"
                        + " before it, outside its own group)", request.where("dependsOn"));
            }
        }
        return result;
    }
}
