package de.gemeinwerk.console.accounts;

import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.ConsoleTimes;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.platform.accounts.StaffAccount;
import de.gemeinwerk.platform.accounts.StaffAccounts;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The tenant's staff accounts ({@code konten}): who may sign in, a form for a colleague's account (the admin sets a
 * first password and passes it on; the CLI can change it), and disabling an account after a confirmation — which ends
 * its sessions at once. One's own account cannot be disabled here, so nobody locks themselves out.
 */
@Controller
class AccountPagesController {

    private static final String ROOT = "/{tenant}/verwaltung/konten";
    private static final Map<String, String> FIELDS = Map.of("login", "login", "displayName", "displayName",
            "password", "password");

    /** An account as its row shows it. */
    record Row(long id, String login, String displayName, String lastLogin, boolean disabled, boolean self) {}

    private final StaffAccounts accounts;

    AccountPagesController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Bean
    static ConsoleNavigation accountsNavigation() {
        return new ConsoleNavigation(850, "konten", "console.nav.accounts");
    }

    @GetMapping(ROOT)
    String list(StaffMember staff, Model model) {
        return page(staff, "", "", new FormErrors(), model);
    }

    @PostMapping(ROOT)
    String create(StaffMember staff, @RequestParam(name = "login", defaultValue = "") String login,
                  @RequestParam(name = "displayName", defaultValue = "") String displayName,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "passwordAgain", defaultValue = "") String passwordAgain,
                  HttpServletResponse response, Model model) {
        FormErrors errors = new FormErrors();
        if (!password.equals(passwordAgain)) {
            errors.add("passwordAgain", "console.accounts.error.passwordAgain");
        } else {
            try {
                StaffAccount created = accounts.create(staff.tenant().id(), login, displayName, password);
                return "redirect:" + ConsoleRequest.root(staff.tenant()) + "konten?angelegt=" + created.login();
            } catch (ApiException e) {
                if (e.status() == HttpStatus.CONFLICT) {
                    errors.add("login", "console.accounts.error.taken");
                } else {
                    errors.add(e, "console.accounts.error", FIELDS);
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(staff, login, displayName, errors, model);
    }

    @GetMapping(ROOT + "/{id}/sperren")
    String confirmDisable(StaffMember staff, @PathVariable("id") long id, Model model) {
        StaffAccount account = disableable(staff, id);
        return new Confirmation("console.accounts.disable", account.displayName() + " (" + account.login() + ")",
                "konten/" + id + "/sperren", "konten").show(model);
    }

    @PostMapping(ROOT + "/{id}/sperren")
    String disable(StaffMember staff, @PathVariable("id") long id) {
        StaffAccount account = disableable(staff, id);
        accounts.disable(staff.tenant().id(), account.login());
        return "redirect:" + ConsoleRequest.root(staff.tenant()) + "konten?gesperrt=" + account.login();
    }

    /** The tenant's account with this id, not one's own; the 404 page otherwise. */
    private StaffAccount disableable(StaffMember staff, long id) {
        return accounts.list(staff.tenant().id()).stream()
                .filter(a -> a.id() == id && a.id() != staff.accountId() && !a.disabled())
                .findFirst().orElseThrow(ConsoleNotFound::new);
    }

    private String page(StaffMember staff, String login, String displayName, FormErrors errors, Model model) {
        model.addAttribute("accounts", accounts.list(staff.tenant().id()).stream()
                .map(a -> new Row(a.id(), a.login(), a.displayName(), ConsoleTimes.format(a.lastLoginAt()),
                        a.disabled(), a.id() == staff.accountId()))
                .toList());
        model.addAttribute("login", login);
        model.addAttribute("displayName", displayName);
        model.addAttribute("errors", errors);
        return "console/accounts";
    }
}
