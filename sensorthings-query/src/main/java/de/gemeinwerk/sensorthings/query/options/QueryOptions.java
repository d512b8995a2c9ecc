package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Expr;

import java.util.List;

/**
 * The system query options of one request or of one nested {@code $expand} item. Absent options are
 * null (top, skip, count, filter, resultFormat) or empty lists; defaults (page size, ...) are applied
 * later by the service, not here.
 */
public record QueryOptions(
        Integer top,
        Integer skip,
        Boolean count,
        List<OrderBy> orderBy,
        List<SelectItem> select,
        List<ExpandItem> expand,
        Expr filter,
        String resultFormat) {

    public static final QueryOptions NONE = new QueryOptions(null, null, null, List.of(), List.of(), List.of(), null, null);

    public QueryOptions {
        orderBy = List.copyOf(orderBy);
        select = List.copyOf(select);
        expand = List.copyOf(expand);
    }

    /** One {@code $orderby} key: any expression (usually a property path), ascending unless desc. */
    public record OrderBy(Expr expression, boolean descending) {}

    /** One {@code $select} item, e.g. [name] or [properties, owner] ("properties/owner"); position in the option text. */
    public record SelectItem(java.util.List<String> path, int position) {
        public SelectItem { path = List.copyOf(path); }
    }

    /** One {@code $expand} item: a navigation path such as [Datastreams, Observations], with its own options. */
    public record ExpandItem(List<String> path, QueryOptions options, int position) {
        public ExpandItem { path = List.copyOf(path); }
    }
}
