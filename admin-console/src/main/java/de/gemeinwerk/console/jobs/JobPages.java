package de.gemeinwerk.console.jobs;

import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.Jobs;
import de.gemeinwerk.portal.web.MessageBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The progress of a long operation ({@code auftraege/{id}}): a progress bar with "120 von 400", the per-item errors,
 * and where to go when it is done. Without scripts the page refreshes itself while the job runs; with them, a small
 * script polls {@code auftraege/{id}/stand} (the job as JSON, for the signed-in staff: the admin API wants a key).
 */
@Controller
public class JobPages {

    // the municipality's clock, as its staff read it
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Jobs jobs;
    /** Where the result of each kind of job can be seen (below the console root). */
    private final Map<String, String> results;

    JobPages(Jobs jobs, List<JobResultPage> resultPages) {
        this.jobs = jobs;
        this.results = resultPages.stream().collect(Collectors.toUnmodifiableMap(JobResultPage::kind,
                JobResultPage::page));
    }

    /** The page of job {@code id}, below the console root. */
    public static String path(long id) {
        return "auftraege/" + id;
    }

    @Bean
    static MessageBundle jobMessages() {
        return new MessageBundle("console/jobs/messages");
    }

    @GetMapping("/{tenant}/verwaltung/auftraege/{id}")
    String job(StaffMember staff, @PathVariable String id, Model model) {
        Job job = job(staff, id);
        model.addAttribute("job", job);
        model.addAttribute("startedAt", job.startedAt().atZone(ZONE));
        model.addAttribute("kindKnown", results.containsKey(job.kind()));
        model.addAttribute("result", results.get(job.kind()));
        return "console/jobs/job";
    }

    @GetMapping("/{tenant}/verwaltung/auftraege/{id}/stand")
    @ResponseBody
    Job status(StaffMember staff, @PathVariable String id) {
        return job(staff, id);
    }

    /** The tenant's job; the console's 404 page for another tenant's, a missing one or a malformed id. */
    private Job job(StaffMember staff, String id) {
        try {
            return jobs.require(staff.tenant().id(), Long.parseLong(id));
        } catch (NumberFormatException | ApiException e) {
            throw new ConsoleNotFound();
        }
    }
}
