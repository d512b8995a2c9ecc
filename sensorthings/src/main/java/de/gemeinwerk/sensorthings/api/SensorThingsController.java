package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.access.Access;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.visibility.ReadScopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The HTTP face of the SensorThings API: {@code /{tenant}/v1.1/...}. Authorises the caller for the
 * tenant, parses the request, and hands it to {@link ReadEndpoint} or {@link WriteEndpoint} (batches to
 * {@link BatchEndpoint}).
 */
@RestController
public class SensorThingsController {

    private static final String ROOT = "/{tenant}/" + StaRequest.VERSION;

    private final TenantAccess access;
    private final ReadScopes scopes;
    private final ReadEndpoint reads;
    private final WriteEndpoint writes;
    private final CreateObservationsEndpoint createObservations;
    private final BatchEndpoint batches;
    private final String publicUrl;

    public SensorThingsController(TenantAccess access, ReadScopes scopes, ReadEndpoint reads, WriteEndpoint writes,
                                  CreateObservationsEndpoint createObservations, BatchEndpoint batches, @Value("${gemeinwerk.public-url:}") String publicUrl) {
        this.access = access;
        this.scopes = scopes;
        this.reads = reads;
        this.writes = writes;
        this.createObservations = createObservations;
        this.batches = batches;
        this.publicUrl = publicUrl;
    }

    @RequestMapping(value = {ROOT, ROOT + "/", ROOT + "/**"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    public void get(@PathVariable String tenant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StaRequest sta = parse(tenant, request, Role.READ);
        try {
            reads.get(sta, response);
        } catch (QuerySyntaxException e) {
            throw StaRequest.syntaxError(e);
        }
    }

    @RequestMapping(value = ROOT + "/**", method = {RequestMethod.POST, RequestMethod.PATCH, RequestMethod.PUT,
            RequestMethod.DELETE})
    public void write(@PathVariable String tenant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StaRequest sta = parse(tenant, request, Role.WRITE);
        try {
            writes.handle(sta, request, response);
        } catch (QuerySyntaxException e) {
            throw StaRequest.syntaxError(e);
        }
    }

    /** Not an entity set but an action (Data Array extension); more specific than {@code /**}, so it wins. */
    @RequestMapping(value = ROOT + "/" + CreateObservationsEndpoint.PATH, method = RequestMethod.POST)
    public void createObservations(@PathVariable String tenant, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException {
        Tenant authorized = access.authorize(tenant, request, Role.WRITE);
        createObservations.create(authorized, StaRequest.serviceRoot(authorized, request, publicUrl), request, response);
    }

    /**
     * Batch requests (SensorThings 1.1, 11.2): more specific than {@code /**}, so it wins. The batch needs what a
     * read needs; each write inside it needs a write key, and is refused on its own (403) when the key is not one.
     */
    @RequestMapping(value = ROOT + "/" + BatchEndpoint.PATH, method = RequestMethod.POST)
    public void batch(@PathVariable String tenant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Access granted = access.access(tenant, request, Role.READ);
        Tenant authorized = granted.tenant();
        ApiException writeRefusal = null;
        try {
            access.authorize(tenant, request, Role.WRITE);
        } catch (ApiException refused) {
            writeRefusal = refused;
        }
        batches.handle(authorized, scopes.of(granted), StaRequest.serviceRoot(authorized, request, publicUrl),
                writeRefusal, request, response);
    }

    private StaRequest parse(String tenantSlug, HttpServletRequest request, Role needed) {
        Access granted = access.access(tenantSlug, request, needed);
        return StaRequest.parse(granted.tenant(), scopes.of(granted), request, publicUrl);
    }
}
