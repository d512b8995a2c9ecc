package de.gemeinwerk.console.entities;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoriesTest {

    @Test
    void wordsSeparatedByCommasWithoutBlanksAndDuplicates() {
        assertThat(Categories.parse(" Wasser, Hochwasser ,, Wasser,  Luft   Qualität ")).containsExactly("Wasser",
                "Hochwasser", "Luft Qualität");
        assertThat(Categories.parse("")).isEmpty();
        assertThat(Categories.parse(null)).isEmpty();
        assertThat(Categories.format(List.of("Wasser", "Hochwasser"))).isEqualTo("Wasser, Hochwasser");
        assertThat(Categories.parse(Categories.format(List.of("a", "b")))).containsExactly("a", "b");
    }

    @Test
    void tooManyOrTooLongAreRefused() {
        assertThatThrownBy(() -> Categories.parse("x".repeat(Categories.MAX_LENGTH + 1)))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).where()).isEqualTo("categories");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= Categories.MAX_COUNT; i++) {
            many.append("k").append(i).append(',');
        }
        assertThatThrownBy(() -> Categories.parse(many.toString())).isInstanceOf(ApiException.class);
        assertThat(Categories.parse(many.substring(0, many.lastIndexOf("k")))).hasSize(Categories.MAX_COUNT);
    }
}
