package de.gemeinwerk.sensorthings.query.filter;

import java.util.List;

/** {@code left in (v1, v2, ...)} (OData 4.01 'in' operator). */
public record InExpr(Expr left, List<Expr> values, int position) implements Expr {

    public InExpr {
        values = List.copyOf(values);
    }
}
