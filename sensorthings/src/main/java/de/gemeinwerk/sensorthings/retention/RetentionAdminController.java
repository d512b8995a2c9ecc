package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting old Observations and managing the retention policy of a tenant over HTTP; needs an admin key of that
 * tenant (or an instance admin key), like the tenant's API keys. A deletion answers when it is done (chunk by chunk,
 * each committed: a request cut off midway leaves a consistent state, and repeating it continues).
 */
@RestController
@RequestMapping("/{tenant}/admin/v1")
public class RetentionAdminController {

    /** Neither {@code datastream} nor {@code multiDatastream}: all of the tenant's Datastreams and MultiDatastreams. */
    record DeletionRequest(String olderThan, Long datastream, Long multiDatastream) {}

    /** @param keepDays null or left out: keep forever */
    record KeepDays(Integer keepDays) {}

    private final ObservationRetention retention;
    private final RetentionPolicies policies;
    private final TenantAccess access;
    private final StrictJson json;

    public RetentionAdminController(ObservationRetention retention, RetentionPolicies policies, TenantAccess access,
                                    StrictJson json) {
        this.retention = retention;
        this.policies = policies;
        this.access = access;
        this.json = json;
    }

    @PostMapping(path = "/observation-deletions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObservationRetention.Deletion delete(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                                         HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        DeletionRequest deletion = json.read(body, DeletionRequest.class);
        return retention.delete(tenant.id(), deletion.datastream(), deletion.multiDatastream(), deletion.olderThan(),
                ObservationPurge.Progress.NONE);
    }

    @GetMapping("/retention-policy")
    RetentionPolicies.Policy policy(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return policies.get(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @PutMapping(path = "/retention-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    RetentionPolicies.Policy setDefault(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                                        HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        return policies.setDefault(tenant.id(), json.read(body, KeepDays.class).keepDays());
    }

    @PutMapping(path = "/retention-policy/datastreams/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RetentionPolicies.Policy setForDatastream(@PathVariable("tenant") String tenantSlug, @PathVariable long id,
                                              @RequestBody byte[] body, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        return policies.setForDatastream(tenant.id(), id, json.read(body, KeepDays.class).keepDays());
    }

    @DeleteMapping("/retention-policy/datastreams/{id}")
    RetentionPolicies.Policy removeForDatastream(@PathVariable("tenant") String tenantSlug, @PathVariable long id,
                                                 HttpServletRequest request) {
        return policies.removeForDatastream(access.authorize(tenantSlug, request, Role.ADMIN).id(), id);
    }
}
