package de.gemeinwerk.console.lorawan;

import org.springframework.ui.Model;

/**
 * A page that asks before something is deleted or discarded: heading and text are message keys with one argument
 * each, the button posts to {@code action}, "cancel" leads to {@code cancel} (both below the console root).
 */
record Confirmation(String headingKey, Object headingArgument, String textKey, Object textArgument, String buttonKey,
                    String action, String cancel) {

    String show(Model model) {
        model.addAttribute("confirmation", this);
        return "console/lorawan/confirm";
    }
}
