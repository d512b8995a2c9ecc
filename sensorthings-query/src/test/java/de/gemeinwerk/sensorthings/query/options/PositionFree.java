package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;

import java.util.List;

/**
 * Copies of parsed options with every position set to 0, so that options parsed from different texts (the
 * original and the one written back) compare equal with {@code equals} when they mean the same.
 */
final class PositionFree {

    private PositionFree() {}

    static QueryOptions of(QueryOptions options) {
        return new QueryOptions(options.top(), options.skip(), options.count(),
                options.orderBy().stream().map(key -> new QueryOptions.OrderBy(of(key.expression()), key.descending()))
                        .toList(),
                options.select().stream().map(item -> new QueryOptions.SelectItem(item.path(), 0)).toList(),
                options.expand().stream().map(item -> new QueryOptions.ExpandItem(item.path(), of(item.options()), 0))
                        .toList(),
                options.filter() == null ? null : of(options.filter()), options.resultFormat());
    }

    static Expr of(Expr expr) {
        return switch (expr) {
            case Literal literal -> new Literal(literal.value(), literal.type(), 0);
            case PropertyPath path -> new PropertyPath(path.segments(), 0);
            case FunctionCall call -> new FunctionCall(call.name(), of(call.arguments()), 0);
            case BinaryExpr binary -> new BinaryExpr(binary.operator(), of(binary.left()), of(binary.right()), 0);
            case UnaryExpr unary -> new UnaryExpr(unary.operator(), of(unary.operand()), 0);
            case InExpr in -> new InExpr(of(in.left()), of(in.values()), 0);
            case LambdaExpr lambda -> new LambdaExpr(lambda.kind(), new PropertyPath(lambda.collection().segments(), 0),
                    lambda.variable(), lambda.predicate() == null ? null : of(lambda.predicate()), 0);
        };
    }

    private static List<Expr> of(List<Expr> exprs) {
        return exprs.stream().map(PositionFree::of).toList();
    }
}
