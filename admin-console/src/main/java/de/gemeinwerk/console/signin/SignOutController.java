package de.gemeinwerk.console.signin;

import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.platform.accounts.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** Signing out ({@code POST abmelden}, from the form in every page's header): the session row is deleted. */
@Controller
class SignOutController {

    private final SessionCookie sessionCookie;

    SignOutController(SessionCookie sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @PostMapping("/{tenant}/verwaltung/abmelden")
    String signOut(StaffMember staff, HttpServletRequest request, HttpServletResponse response) {
        sessionCookie.end(request, response);
        return "redirect:" + ConsoleRequest.root(staff.tenant()) + LoginController.PATH + "?abgemeldet";
    }
}
