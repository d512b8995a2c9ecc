package de.gemeinwerk.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Any other path below a console: the console's own 404 page (after the sign-in check, so that it tells nobody
 * signed out what exists). More specific mappings — every real page — win over this one.
 */
@Controller
class UnknownPages {

    @GetMapping("/{tenant}/verwaltung/**")
    String unknown() {
        throw new ConsoleNotFound();
    }
}
