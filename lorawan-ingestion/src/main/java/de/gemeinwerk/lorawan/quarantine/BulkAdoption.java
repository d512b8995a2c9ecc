package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.Jobs;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adopting many quarantined devices as one job: everything the request says is checked first (a 400 before anything
 * happens); then each device is adopted by {@link Adoption} in a transaction of its own, so progress is real and a
 * device that cannot be adopted (registered meanwhile, discarded meanwhile) is one error in the job, not a rollback
 * of the others.
 */
@Service
public class BulkAdoption {

    public static final String KIND = "lorawan-adoption";
    static final int MAX_DEVICES = 10_000;

    /** One device to adopt; {@code n} counts from 1 for the name pattern. */
    private record Candidate(String devEui, String deviceName, int n) {
    }

    private final Adoption adoption;
    private final Quarantine quarantine;
    private final Devices devices;
    private final Jobs jobs;

    public BulkAdoption(Adoption adoption, Quarantine quarantine, Devices devices, Jobs jobs) {
        this.adoption = adoption;
        this.quarantine = quarantine;
        this.devices = devices;
        this.jobs = jobs;
    }

    /** Checks the request and starts the job; errors name the place in the body. */
    public Job start(long tenantId, BulkAdoptionRequest request, String startedBy) {
        NamePattern names = NamePattern.parse(request.namePattern(), "/namePattern");
        // the registration every device gets, checked once with a stand-in name
        DeviceRegistration template = devices.check(tenantId, new DeviceRegistration(null, "x", request.description(),
                request.deviceType(), request.location(), null));
        List<Candidate> candidates = candidates(tenantId, request);
        return jobs.start(tenantId, KIND, startedBy, candidates, Candidate::devEui, candidate ->
                adoption.adopt(tenantId, candidate.devEui(), new DeviceRegistration(null,
                        names.name(candidate.devEui(), candidate.deviceName(), candidate.n()),
                        template.description(), template.deviceType(), template.location(), null)));
    }

    private List<Candidate> candidates(long tenantId, BulkAdoptionRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        if (all == (request.devEuis() != null)) {
            throw ApiException.badRequest("Name the devices to adopt either as \"devEuis\" or with \"all\": true.",
                    all ? "/all" : "/devEuis");
        }
        List<String> chosen;
        Map<String, String> kept;
        if (all) {
            kept = quarantine.unregistered(tenantId, MAX_DEVICES + 1); // one more tells "too many"
            chosen = List.copyOf(kept.keySet());
            if (chosen.isEmpty()) {
                throw ApiException.badRequest("Nothing to adopt: the quarantine holds no unregistered device.",
                        "/all");
            }
        } else {
            chosen = devEuis(request.devEuis());
            kept = quarantine.names(tenantId, chosen);
        }
        if (chosen.size() > MAX_DEVICES) {
            throw ApiException.badRequest("At most " + MAX_DEVICES + " devices can be adopted at once.",
                    all ? "/all" : "/devEuis");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String devEui : chosen) {
            candidates.add(new Candidate(devEui, kept.get(devEui), candidates.size() + 1));
        }
        return candidates;
    }

    /** The listed DevEUIs, normalised; 400 at the first malformed or repeated one. */
    private static List<String> devEuis(List<String> listed) {
        if (listed.isEmpty() || listed.size() > MAX_DEVICES) {
            throw ApiException.badRequest("List 1 to " + MAX_DEVICES + " DevEUIs.", "/devEuis");
        }
        List<String> devEuis = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            String devEui = DevEui.normalise(listed.get(i), "/devEuis/" + i);
            if (!seen.add(devEui)) {
                throw ApiException.badRequest("DevEUI " + devEui + " is listed twice.", "/devEuis/" + i);
            }
            devEuis.add(devEui);
        }
        return devEuis;
    }
}
