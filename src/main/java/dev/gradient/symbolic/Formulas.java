package dev.gradient.symbolic;

import dev.gradient.graph.Attrs;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes one op application as expression text in the service's grammar: infix for the
 * arithmetic operators ({@code a + b}, {@code -a}, {@code a ^ b}), {@code x[spec]} for a slice,
 * and a call with the op's attributes as keyword arguments for the rest ({@code sum(x, axis=1)}).
 * Arguments are given as text; those that are not atoms are parenthesised, so that the result
 * reads back as the same tree whatever the operators' precedence.
 */
public final class Formulas {

    private static final Map<String, String> INFIX = Map.of(
            "add", "+", "sub", "-", "mul", "*", "div", "/", "pow", "^", "matmul", "@",
            "lt", "<", "le", "<=", "gt", ">", "ge", ">=");

    private Formulas() {
    }

    /** The text of {@code op} applied to {@code args} (each a formula's text) with {@code attrs}. */
    public static String apply(String op, Attrs attrs, List<String> args) {
        String infix = op.equals("eq") ? "==" : op.equals("ne") ? "!=" : INFIX.get(op);
        if (infix != null && args.size() == 2) {
            return operand(args.get(0)) + " " + infix + " " + operand(args.get(1));
        }
        if (op.equals("neg")) {
            return "-" + operand(args.get(0));
        }
        if (op.equals("slice")) {
            return operand(args.get(0)) + "[" + attrs.string("spec") + "]";
        }
        StringJoiner call = new StringJoiner(", ", op + "(", ")");
        args.forEach(call::add);
        for (Map.Entry<String, Object> attr : attrs.asMap().entrySet()) {
            call.add(attr.getKey() + "=" + attrValue(attr.getValue()));
        }
        return call.toString();
    }

    /** {@code text} as an operand of an operator: itself where it is an atom (a name, a call, an unsigned number), else in parentheses. */
    public static String operand(String text) {
        return isAtom(text) ? text : "(" + text + ")";
    }

    private static boolean isAtom(String text) {
        if (text.isEmpty() || text.charAt(0) == '-') {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && (c == ' ' || c == '^')) {
                return false;
            }
        }
        return true;
    }

    private static String attrValue(Object value) {
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(String.valueOf(item)));
            return items.toString();
        }
        return String.valueOf(value);
    }
}
