package de.gemeinwerk.platform.jobs;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A tenant's long operations and their progress; needs an admin key of the tenant. */
@RestController
@RequestMapping("/{tenant}/admin/v1/jobs")
public class JobAdminController {

    private static final int MAX_LIMIT = 100;

    private final Jobs jobs;
    private final TenantAccess access;

    public JobAdminController(Jobs jobs, TenantAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    /** The tenant's latest jobs, newest first. */
    @GetMapping
    List<Job> recent(@PathVariable("tenant") String tenantSlug,
                     @RequestParam(name = "limit", defaultValue = "20") int limit, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("The limit must be between 1 and " + MAX_LIMIT + ".", "parameter limit");
        }
        return jobs.recent(tenantId, limit);
    }

    @GetMapping("/{id}")
    Job get(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        return jobs.require(access.authorize(tenantSlug, request, Role.ADMIN).id(), id);
    }
}
