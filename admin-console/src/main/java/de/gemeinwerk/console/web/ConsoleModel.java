package de.gemeinwerk.console.web;

import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What every console page's layout needs, added to the model of every controller in {@code de.gemeinwerk.console}
 * (sub-packages included): {@code municipality} (the tenant), {@code console} (its console root), {@code staff}
 * (who is signed in, or null), {@code csrf} (the token for the forms' hidden field) and {@code navigation}.
 */
@ControllerAdvice(basePackages = "de.gemeinwerk.console")
class ConsoleModel {

    /** A navigation entry as the layout shows it. */
    record NavigationItem(String href, String messageKey, boolean current) {}

    private final List<ConsoleNavigation> navigation;

    ConsoleModel(List<ConsoleNavigation> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(ConsoleNavigation::order)).toList();
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        fill(request, model.asMap());
    }

    /** Also for pages made outside a handler (the error pages). */
    void fill(HttpServletRequest request, Map<String, Object> model) {
        Tenant tenant = ConsoleRequest.tenant(request);
        if (tenant == null) {
            return;
        }
        String root = ConsoleRequest.root(tenant);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.put("municipality", tenant);
        model.put("console", root);
        model.put("staff", ConsoleRequest.staff(request));
        model.put("csrf", ConsoleRequest.csrf(request));
        model.put("navigation", navigation.stream().map(entry -> {
            String href = root + entry.path();
            boolean current = entry.path().isEmpty() ? path.equals(root) || path.equals(root.substring(0, root.length() - 1))
                    : path.equals(href) || path.startsWith(href + "/");
            return new NavigationItem(href, entry.messageKey(), current);
        }).toList());
    }
}
