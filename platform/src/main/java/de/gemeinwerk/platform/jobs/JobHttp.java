package de.gemeinwerk.platform.jobs;

import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;

/** What every admin endpoint that starts a job says alike: who started it, and 202 pointing at the job. */
@Component
public class JobHttp {

    private final TenantAccess access;

    public JobHttp(TenantAccess access) {
        this.access = access;
    }

    /** The caller as {@code startedBy}: the name of the API key it presents (call after authorizing it). */
    public String startedBy(HttpServletRequest request) {
        return access.presentedApiKey(request).map(key -> "API key '" + key.name() + "'").orElse("API");
    }

    /** 202 Accepted with the job, and its URL in {@code Location}. */
    public static ResponseEntity<Job> accepted(Tenant tenant, Job job) {
        return ResponseEntity.accepted().location(URI.create(path(tenant.slug(), job.id()))).body(job);
    }

    /** The job's URL path in the admin API. */
    public static String path(String tenantSlug, long jobId) {
        return "/" + tenantSlug + "/admin/v1/jobs/" + jobId;
    }
}
