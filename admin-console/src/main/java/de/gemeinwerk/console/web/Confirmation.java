package de.gemeinwerk.console.web;

/**
 * A page that asks before something that cannot be undone ({@code templates/console/confirm.html}): a title, a text
 * naming what it is about, and a form that posts to {@code action} — or back to {@code back} without doing anything.
 *
 * @param prefix message keys {@code prefix.title}, {@code prefix.text} (with {0} = {@code name}) and
 *               {@code prefix.confirm}
 * @param action the POST's path below the console root
 * @param back   the cancel link's path below the console root
 */
public record Confirmation(String prefix, String name, String action, String back) {

    /** The view to return, with this as the model attribute {@code confirm}. */
    public static final String VIEW = "console/confirm";

    public String titleKey() {
        return prefix + ".title";
    }

    public String textKey() {
        return prefix + ".text";
    }

    public String buttonKey() {
        return prefix + ".confirm";
    }
}
