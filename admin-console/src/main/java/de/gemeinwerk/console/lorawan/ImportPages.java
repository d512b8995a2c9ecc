package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.jobs.JobPages;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.imports.DeviceImport;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Importing devices from a CSV file: the form explains the columns; the file is checked as a whole (its errors come
 * back on the form, naming line and column) and then registered as a job, whose page shows the progress.
 */
@Controller
@RequestMapping(LorawanPaths.PAGES + LorawanPaths.IMPORT)
class ImportPages {

    private final DeviceImport deviceImport;

    ImportPages(DeviceImport deviceImport) {
        this.deviceImport = deviceImport;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("errors", new FormErrors());
        return "console/lorawan/import";
    }

    @PostMapping
    String upload(StaffMember staff, @RequestParam(name = "datei", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) {
            errors.add("datei", "console.lorawan.import.error.missing");
        } else {
            try {
                Job job = deviceImport.start(staff.tenant().id(), file.getBytes(), null, staff.displayName());
                return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()), JobPages.path(job.id()));
            } catch (ApiException e) {
                errors.add("datei", "console.lorawan.import.error.file");
                model.addAttribute("problem", e.getMessage());
                model.addAttribute("problemWhere", FileLocation.of(e.where()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return "console/lorawan/import";
    }
}
