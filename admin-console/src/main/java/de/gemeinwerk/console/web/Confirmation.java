package de.gemeinwerk.console.web;

import org.springframework.ui.Model;

/**
 * A page that asks before something that cannot be undone ({@code templates/console/confirm.html}): a title and a
 * text naming what it is about (message keys with one argument each, {0}), and a form that posts to {@code action} —
 * or back to {@code back} without doing anything.
 *
 * @param action the POST's path below the console root
 * @param back   the cancel link's path below the console root
 */
public record Confirmation(String titleKey, Object titleArgument, String textKey, Object textArgument,
                           String buttonKey, String action, String back) {

    private static final String VIEW = "console/confirm";

    /**
     * The keys {@code prefix.title}, {@code prefix.text} (with {0} = {@code name}) and {@code prefix.confirm}.
     */
    public Confirmation(String prefix, String name, String action, String back) {
        this(prefix + ".title", null, prefix + ".text", name, prefix + ".confirm", action, back);
    }

    /** Puts this into the model and returns the view. */
    public String show(Model model) {
        model.addAttribute("confirm", this);
        return VIEW;
    }
}
