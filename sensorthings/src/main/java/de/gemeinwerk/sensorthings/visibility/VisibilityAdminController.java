package de.gemeinwerk.sensorthings.visibility;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.sensorthings.model.EntityType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /{tenant}/admin/v1/visibility/{Things|Datastreams|MultiDatastreams}/{id}} with {@code {"public":
 * false}}: whether an entity is public, and making it public or private. Needs an admin key of the tenant (or an
 * instance admin key); ids of other tenants are 404 like missing ones.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/visibility")
public class VisibilityAdminController {

    /** The body of a PUT and the answer of both. */
    record Setting(@JsonProperty("public") Boolean isPublic) {}

    private final Visibility visibility;
    private final TenantAccess access;
    private final StrictJson json;

    public VisibilityAdminController(Visibility visibility, TenantAccess access, StrictJson json) {
        this.visibility = visibility;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/{set}/{id}")
    Setting get(@PathVariable("tenant") String tenantSlug, @PathVariable String set, @PathVariable long id,
                HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return new Setting(visibility.isPublic(tenantId, type(set), id));
    }

    @PutMapping(path = "/{set}/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Setting put(@PathVariable("tenant") String tenantSlug, @PathVariable String set, @PathVariable long id,
                @RequestBody byte[] body, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        EntityType type = type(set);
        Boolean isPublic = json.read(body, Setting.class).isPublic();
        if (isPublic == null) {
            throw ApiException.badRequest("say {\"public\": true} or {\"public\": false}", "public");
        }
        visibility.setPublic(tenantId, type, id, isPublic);
        return new Setting(isPublic);
    }

    private static EntityType type(String set) {
        // a known entity set that cannot be private (Sensors) is the service's 400
        return EntityType.bySetName(set).orElseThrow(() -> ApiException.notFound("there is no entity set '" + set
                + "'; Things, Datastreams and MultiDatastreams can be public or private"));
    }
}
