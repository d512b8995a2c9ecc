package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.quarantine.Adoption;
import de.gemeinwerk.lorawan.quarantine.BulkAdoption;
import de.gemeinwerk.lorawan.quarantine.BulkAdoptionRequest;
import de.gemeinwerk.lorawan.quarantine.Quarantine;
import de.gemeinwerk.lorawan.quarantine.QuarantinedDevice;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.JobHttp;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The tenant's quarantine: uplinks of unknown devices, and of registered ones that could not become Observations
 * (with the reason). Adopt registers a device and turns its kept uplinks into Observations; replay retries those of a
 * registered device after its cause was fixed; delete discards them; adoptions adopts many devices as a job. Needs an
 * admin key of the tenant.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/quarantine")
public class QuarantineAdminController {

    private final Quarantine quarantine;
    private final Adoption adoption;
    private final BulkAdoption bulkAdoption;
    private final TenantAccess access;
    private final StrictJson json;
    private final JobHttp jobHttp;

    public QuarantineAdminController(Quarantine quarantine, Adoption adoption, BulkAdoption bulkAdoption,
                                     TenantAccess access, StrictJson json, JobHttp jobHttp) {
        this.quarantine = quarantine;
        this.adoption = adoption;
        this.bulkAdoption = bulkAdoption;
        this.access = access;
        this.json = json;
        this.jobHttp = jobHttp;
    }

    @GetMapping
    List<QuarantinedDevice> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return quarantine.devices(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @PostMapping(path = "/{devEui}/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adoption.Adopted adopt(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui,
                           @RequestBody byte[] body, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        String normalised = DevEui.normalise(devEui, "path");
        DeviceRegistration registration = DeviceAdministration.withoutDevEui(
                json.read(body, DeviceRegistration.class), normalised);
        return adoption.adopt(tenantId, normalised, registration);
    }

    /** Adopts many devices as a job: 202 with the job, whose progress {@code Location} shows. */
    @PostMapping(path = "/adoptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Job> adoptMany(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                                  HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        Job job = bulkAdoption.start(tenant.id(), json.read(body, BulkAdoptionRequest.class),
                jobHttp.startedBy(request));
        return JobHttp.accepted(tenant, job);
    }

    @PostMapping("/{devEui}/replay")
    Adoption.Adopted replay(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui,
                            HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return adoption.replay(tenantId, DevEui.normalise(devEui, "path"));
    }

    @DeleteMapping("/{devEui}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        quarantine.discard(tenantId, DevEui.normalise(devEui, "path"));
    }
}
