package de.gemeinwerk.console.lorawan;

/**
 * One page of a list held in memory (a tenant's devices: thousands at most, read in one statement).
 *
 * @param page  from 1; a page beyond the last shows the last
 * @param pages at least 1
 * @param from  index of the page's first item
 * @param to    index after its last
 */
record Paging(int page, int pages, int total, int from, int to) {

    static Paging of(int total, int requested, int size) {
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.clamp(requested, 1, pages);
        int from = (page - 1) * size;
        return new Paging(page, pages, total, from, Math.min(total, from + size));
    }

    boolean hasPrevious() {
        return page > 1;
    }

    boolean hasNext() {
        return page < pages;
    }
}
