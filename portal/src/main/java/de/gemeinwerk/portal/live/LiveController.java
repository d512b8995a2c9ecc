package de.gemeinwerk.portal.live;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.portal.web.PublicTenants;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /{tenant}/portal/live}: the event stream an open map listens to (Server-Sent Events: {@code hello} once,
 * then {@code latest} with new latest values in the form of {@code Datastreams/$latest}, and {@code things} when the
 * Things on the map changed). Only for tenants with a public portal; otherwise a 404 problem.
 */
@RestController
class LiveController {

    private final PublicTenants tenants;
    private final LiveUpdates updates;

    LiveController(PublicTenants tenants, LiveUpdates updates) {
        this.tenants = tenants;
        this.updates = updates;
    }

    @GetMapping(value = "/{tenant}/portal/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable("tenant") String slug) {
        Tenant tenant = tenants.find(slug)
                .orElseThrow(() -> ApiException.notFound("There is no public portal '" + slug + "'."));
        return updates.open(tenant.id());
    }
}
