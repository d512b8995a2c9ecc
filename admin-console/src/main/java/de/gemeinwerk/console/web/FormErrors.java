package de.gemeinwerk.console.web;

import de.gemeinwerk.platform.error.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of a submitted form, per field id, as message keys: shown in the error summary at the top of the form
 * (each a link to its field) and beside each field (the GOV.UK pattern). Fields keep their order, so the summary
 * follows the form.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Notes that {@code field} (the input's id) is wrong, with the message key that says why. */
    public FormErrors add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
        return this;
    }

    /**
     * Notes the field an {@link ApiException} names in its {@code where} (a member name of the validating service):
     * {@code fields} maps those names to field ids, and the message key is {@code prefix + "." + field id}. An
     * exception about anything else is no form error and is thrown on.
     */
    public FormErrors add(ApiException e, String prefix, Map<String, String> fields) {
        String field = e.where() == null ? null : fields.get(e.where());
        if (field == null) {
            throw e;
        }
        return add(field, prefix + "." + field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** Field id → message key, in the order of the form. */
    public Map<String, String> all() {
        return byField;
    }

    /** The message key for {@code field}, or null if it is fine. */
    public String of(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }
}
