package de.gemeinwerk.console.lorawan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void pagesCoverTheListWithoutGapsAndClampTheRequest() {
        assertThat(Paging.of(120, 1, 50)).isEqualTo(new Paging(1, 3, 120, 0, 50));
        assertThat(Paging.of(120, 3, 50)).isEqualTo(new Paging(3, 3, 120, 100, 120));
        assertThat(Paging.of(120, 9, 50)).isEqualTo(new Paging(3, 3, 120, 100, 120));
        assertThat(Paging.of(120, -2, 50).page()).isEqualTo(1);
        assertThat(Paging.of(0, 1, 50)).isEqualTo(new Paging(1, 1, 0, 0, 0));
        assertThat(Paging.of(50, 2, 50)).isEqualTo(new Paging(1, 1, 50, 0, 50));
    }

    @Test
    void previousAndNextExistOnlyWhereThereIsAPage() {
        Paging middle = Paging.of(120, 2, 50);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        assertThat(Paging.of(120, 1, 50).hasPrevious()).isFalse();
        assertThat(Paging.of(120, 3, 50).hasNext()).isFalse();
    }
}
