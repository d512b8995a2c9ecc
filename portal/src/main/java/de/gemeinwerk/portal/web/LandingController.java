package de.gemeinwerk.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The instance's landing page: the municipalities whose portal is public. */
@Controller
class LandingController {

    private final PublicTenants tenants;

    LandingController(PublicTenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("tenants", tenants.list());
        return "portal/landing";
    }
}
