package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.op.AttrSpec;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import java.util.List;
import java.util.Map;

/** Checks of one op application that both parsers make: the op exists, the arity fits, the attributes are known and typed. */
final class OpCalls {

    private OpCalls() {
    }

    /** The public op of {@code ops} named {@code name}, or an {@code UNKNOWN_OP} error at {@code origin}. */
    static Op find(OpRegistry ops, String name, Origin origin) {
        return ops.find(name).filter(Op::isPublic).orElseThrow(() -> new GradientException(ErrorCode.UNKNOWN_OP, "unknown op '" + name + "'" + at(origin) + "; GET /ops lists them", origin));
    }

    /** An {@code ARITY} error where {@code op} does not take {@code count} arguments. */
    static void checkArity(Op op, String written, int count, Origin origin) {
        if (!op.arity().accepts(count)) {
            throw new GradientException(ErrorCode.ARITY, written + " takes " + op.arity() + " argument(s), got " + count + at(origin),
                    origin);
        }
    }

    /** A {@code BAD_ATTRS} error where an attribute is unknown, of the wrong type, or missing. */
    static void checkAttrs(Op op, String written, Map<String, Object> attrs, Origin origin) {
        for (Map.Entry<String, Object> attr : attrs.entrySet()) {
            AttrSpec spec = op.attrs().stream().filter(s -> s.name().equals(attr.getKey())).findFirst().orElseThrow(
                    () -> new GradientException(ErrorCode.BAD_ATTRS, written + " has no attribute '" + attr.getKey() + "'"
                            + (op.attrs().isEmpty() ? "" : " (it takes " + names(op.attrs()) + ")") + at(origin), origin));
            boolean fits = switch (spec.kind()) {
                case INT -> attr.getValue() instanceof Integer;
                case INTS -> attr.getValue() instanceof List;
                case STRING -> attr.getValue() instanceof String;
            };
            if (!fits) {
                throw new GradientException(ErrorCode.BAD_ATTRS, written + ": attribute '" + attr.getKey() + "' takes "
                        + describe(spec.kind()) + at(origin), origin);
            }
        }
        for (AttrSpec spec : op.attrs()) {
            if (spec.required() && !attrs.containsKey(spec.name())) {
                throw new GradientException(ErrorCode.BAD_ATTRS, written + " needs the attribute '" + spec.name() + "'" + at(origin),
                        origin);
            }
        }
    }

    private static String names(List<AttrSpec> specs) {
        return String.join(", ", specs.stream().map(AttrSpec::name).toList());
    }

    private static String describe(AttrSpec.Kind kind) {
        return switch (kind) {
            case INT -> "an integer";
            case INTS -> "a list of integers like [2, 3]";
            case STRING -> "a string";
        };
    }

    private static String at(Origin origin) {
        return origin.position() >= 0 ? " at position " + origin.position() : "";
    }
}
