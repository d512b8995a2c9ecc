package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.imports.DeviceImport;
import de.gemeinwerk.lorawan.registry.Device;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.JobHttp;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

/** The tenant's registered LoRaWAN devices, one by one or imported from CSV. Needs an admin key of the tenant. */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/devices")
public class DeviceAdminController {

    private final Devices devices;
    private final DeviceAdministration administration;
    private final DeviceImport deviceImport;
    private final TenantAccess access;
    private final StrictJson json;
    private final JobHttp jobHttp;

    public DeviceAdminController(Devices devices, DeviceAdministration administration, DeviceImport deviceImport,
                                 TenantAccess access, StrictJson json, JobHttp jobHttp) {
        this.devices = devices;
        this.administration = administration;
        this.deviceImport = deviceImport;
        this.access = access;
        this.json = json;
        this.jobHttp = jobHttp;
    }

    @GetMapping
    List<Device> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return devices.list(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @GetMapping("/{devEui}")
    Device get(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return devices.require(tenantId, DevEui.normalise(devEui, "path"));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Device register(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return administration.register(tenantId, json.read(body, DeviceRegistration.class));
    }

    /**
     * Registers the devices of a CSV file as a job: 202 with the job, whose progress {@code Location} shows. The body is
     * read only after the key is checked, and never more than one byte beyond the limit (a stranger cannot make the
     * server buffer an unbounded upload).
     */
    @PostMapping(path = "/imports", consumes = "text/csv")
    ResponseEntity<Job> importCsv(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        Job job = deviceImport.start(tenant.id(), limitedBody(request), declaredCharset(request),
                jobHttp.startedBy(request));
        return JobHttp.accepted(tenant, job);
    }

    @PutMapping(path = "/{devEui}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Device replace(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui, @RequestBody byte[] body,
                   HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return administration.replace(tenantId, devEui, json.read(body, DeviceRegistration.class));
    }

    @DeleteMapping("/{devEui}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui, HttpServletRequest request) {
        administration.delete(access.authorize(tenantSlug, request, Role.ADMIN).id(), devEui);
    }

    /** The body, at most {@link DeviceImport#MAX_BYTES} + 1 bytes: {@link DeviceImport#start} refuses more with 413. */
    private static byte[] limitedBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > DeviceImport.MAX_BYTES) {
            throw DeviceImport.tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(DeviceImport.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage(), "body");
        }
    }

    /** The charset the Content-Type header names (read from the header: the request's encoding may be defaulted). */
    private static Charset declaredCharset(HttpServletRequest request) {
        try {
            return MediaType.parseMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE)).getCharset();
        } catch (IllegalArgumentException e) {
            throw ApiException.unsupportedMediaType("The charset of the Content-Type is unknown; send UTF-8.");
        }
    }
}
