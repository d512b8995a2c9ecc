package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@code $filter} (or {@code $orderby}) expression back as text that {@link FilterParser} reads into the
 * same tree. Parentheses are written only where the parser's precedence and left associativity need them, so
 * {@code (a or b) and c} keeps its group and {@code a and b or c} gets none.
 */
public final class ExpressionWriter {

    /** The parser's precedence levels, loosest first; a node binds as tightly as the level that parses it. */
    private enum Level {
        OR, AND, EQUALITY, RELATIONAL, ADDITIVE, MULTIPLICATIVE, UNARY, PRIMARY;

        /** The right operand of a left-associative operator must bind tighter: {@code a sub (b sub c)}. */
        Level tighter() {
            return values()[ordinal() + 1];
        }
    }

    private ExpressionWriter() {}

    public static String write(Expr expr) {
        StringBuilder text = new StringBuilder();
        write(expr, text);
        return text.toString();
    }

    private static void write(Expr expr, StringBuilder text) {
        switch (expr) {
            case Literal literal -> text.append(LiteralWriter.write(literal));
            case PropertyPath path -> text.append(String.join("/", path.segments()));
            case FunctionCall call -> {
                text.append(call.name());
                list(call.arguments(), text);
            }
            case BinaryExpr binary -> chain(binary, text);
            // "- 1" with a space: "-1" would be read back as a negative literal, not as negation.
            case UnaryExpr unary -> {
                text.append(unary.operator() == UnaryExpr.Operator.NOT ? "not " : "- ");
                operand(unary.operand(), Level.UNARY, text);
            }
            case InExpr in -> chain(in, text);
            case LambdaExpr lambda -> {
                write(lambda.collection(), text);
                text.append('/').append(lambda.kind().name().toLowerCase(Locale.ROOT)).append('(');
                if (lambda.predicate() != null) {
                    text.append(lambda.variable()).append(": ");
                    write(lambda.predicate(), text);
                }
                text.append(')');
            }
        }
    }

    /**
     * A binary operator or 'in' with the operators of its level to its left, written in a loop as the parser reads
     * them: {@code a or b or c} is a left-deep tree as deep as the chain is long, too deep to follow recursively.
     */
    private static void chain(Expr last, StringBuilder text) {
        Level level = level(last);
        Deque<Expr> links = new ArrayDeque<>();
        Expr first = last;
        while (level(first) == level) {
            links.push(first);
            first = first instanceof BinaryExpr binary ? binary.left() : ((InExpr) first).left();
        }
        operand(first, level, text);
        for (Expr link : links) {
            if (link instanceof BinaryExpr binary) {
                text.append(' ').append(binary.operator().name().toLowerCase(Locale.ROOT)).append(' ');
                operand(binary.right(), level.tighter(), text);
            } else {
                text.append(" in ");
                list(((InExpr) link).values(), text);
            }
        }
    }

    /** Writes {@code operand}, in parentheses if it binds looser than {@code required}. */
    private static void operand(Expr operand, Level required, StringBuilder text) {
        boolean grouped = level(operand).compareTo(required) < 0;
        text.append(grouped ? "(" : "");
        write(operand, text);
        text.append(grouped ? ")" : "");
    }

    /** {@code (a, b, c)}: arguments and 'in' values are complete expressions, so they need no parentheses. */
    private static void list(List<Expr> items, StringBuilder text) {
        text.append('(');
        for (int i = 0; i < items.size(); i++) {
            text.append(i > 0 ? ", " : "");
            write(items.get(i), text);
        }
        text.append(')');
    }

    private static Level level(Expr expr) {
        return switch (expr) {
            case BinaryExpr binary -> switch (binary.operator()) {
                case OR -> Level.OR;
                case AND -> Level.AND;
                case EQ, NE -> Level.EQUALITY;
                case GT, GE, LT, LE -> Level.RELATIONAL;
                case ADD, SUB -> Level.ADDITIVE;
                case MUL, DIV, MOD -> Level.MULTIPLICATIVE;
            };
            case InExpr in -> Level.RELATIONAL;
            case UnaryExpr unary -> Level.UNARY;
            case Literal literal -> Level.PRIMARY;
            case PropertyPath path -> Level.PRIMARY;
            case FunctionCall call -> Level.PRIMARY;
            case LambdaExpr lambda -> Level.PRIMARY;
        };
    }
}
