package de.gemeinwerk.console.entities;

import de.gemeinwerk.platform.error.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Categories as staff type them — words separated by commas ("Wasser, Hochwasser") — and as the API keeps them: a
 * JSON array of strings in {@code properties.categories}, without blanks and duplicates, in the order typed. Pure.
 */
final class Categories {

    static final int MAX_COUNT = 20;
    static final int MAX_LENGTH = 60;

    private Categories() {}

    /** The categories in {@code text}; 400 (where {@code categories}) for too many or too long ones. */
    static List<String> parse(String text) {
        Set<String> categories = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String category = part.strip().replaceAll("\\s+", " ");
            if (category.length() > MAX_LENGTH) {
                throw ApiException.badRequest("A category may have at most " + MAX_LENGTH + " characters.",
                        "categories");
            }
            if (!category.isEmpty()) {
                categories.add(category);
            }
        }
        if (categories.size() > MAX_COUNT) {
            throw ApiException.badRequest("At most " + MAX_COUNT + " categories.", "categories");
        }
        return new ArrayList<>(categories);
    }

    /** The text field's value for stored categories. */
    static String format(List<String> categories) {
        return String.join(", ", categories);
    }
}
