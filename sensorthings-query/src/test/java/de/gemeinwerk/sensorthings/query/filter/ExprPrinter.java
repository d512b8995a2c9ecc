package de.gemeinwerk.sensorthings.query.filter;

import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an expression as a compact prefix form, so tests can state tree shapes (precedence!) in one string. */
public final class ExprPrinter {

    private ExprPrinter() {}

    public static String print(Expr expr) {
        return switch (expr) {
            case Literal literal -> literal(literal);
            case PropertyPath path -> String.join("/", path.segments());
            case FunctionCall call -> call.name() + call.arguments().stream().map(ExprPrinter::print)
                    .collect(Collectors.joining(" ", "(", ")"));
            case BinaryExpr binary -> "(" + binary.operator().name().toLowerCase(Locale.ROOT) + " "
                    + print(binary.left()) + " " + print(binary.right()) + ")";
            case UnaryExpr unary -> "(" + (unary.operator() == UnaryExpr.Operator.NOT ? "not" : "-") + " "
                    + print(unary.operand()) + ")";
            case InExpr in -> "(in " + print(in.left()) + " "
                    + in.values().stream().map(ExprPrinter::print).collect(Collectors.joining(" ", "[", "]")) + ")";
            case LambdaExpr lambda -> "(" + lambda.kind().name().toLowerCase(Locale.ROOT) + " "
                    + print(lambda.collection())
                    + (lambda.predicate() == null ? "" : " " + lambda.variable() + ": " + print(lambda.predicate())) + ")";
        };
    }

    private static String literal(Literal literal) {
        return switch (literal.type()) {
            case STRING -> "'" + literal.value() + "'";
            case NULL -> "null";
            case BOOLEAN, INTEGER -> String.valueOf(literal.value());
            default -> literal.type().name().toLowerCase(Locale.ROOT) + ":" + literal.value();
        };
    }
}
