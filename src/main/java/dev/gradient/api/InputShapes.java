package dev.gradient.api;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.Graph;
import dev.gradient.parse.Json;
import dev.gradient.tensor.Shape;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The {@code shapes} field of a request that needs its inputs' shapes but no values ({@code
 * /jacobian/sparsity}, {@code /hessian/sparsity}, {@code /derivative}): an object mapping input
 * names to shapes. Each input takes the shape its graph declares or the one given (which must
 * agree), within the element limit; what an input gets that has neither is the endpoint's to say.
 */
final class InputShapes {

    static final String FIELD = "shapes";
    private static final String POINTER = "/" + FIELD;

    /** The shape of an input that neither the graph nor the field gives one, or the problem that it has none. */
    interface Undeclared {
        /** For the input {@code name}; {@code fieldGiven} says whether the request has a {@code shapes} field at all. */
        Shape of(String name, boolean fieldGiven);
    }

    private InputShapes() {
    }

    /**
     * Each input's shape, in {@code graph}'s input order, from {@code field} (absent: {@code
     * null} or a JSON null), each given shape read by {@code parse} at its pointer.
     */
    static Shape[] read(Graph graph, JsonNode field, long maxElements, BiFunction<JsonNode, String, Shape> parse,
            Undeclared undeclared) {
        List<String> names = graph.inputNames();
        boolean given = field != null && !field.isNull();
        if (given) {
            Json.object(field, POINTER);
            for (String name : field.propertyNames()) {
                if (!graph.inputIndex().containsKey(name)) {
                    throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its"
                            + " inputs are " + Invocation.abbreviated(names), Origin.at(Pointer.child(POINTER, name)));
                }
            }
        }
        Shape[] shapes = new Shape[names.size()];
        for (int i = 0; i < shapes.length; i++) {
            String name = names.get(i);
            String where = Pointer.child(POINTER, name);
            JsonNode written = given ? field.get(name) : null;
            Shape declared = graph.input(i).declaredShape();
            if (written == null) {
                shapes[i] = declared != null ? declared : undeclared.of(name, given);
                continue;
            }
            shapes[i] = parse.apply(written, where);
            if (declared != null && !declared.equals(shapes[i])) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the input '" + name + "' is declared with shape "
                        + declared + " but " + where + " gives " + shapes[i], Origin.at(where));
            }
            if (shapes[i].size() > maxElements) {
                throw GradientException.limitExceeded("gradient.limits.max-elements", "the input '" + name + "' would have "
                        + shapes[i].size() + " elements; the limit is " + maxElements);
            }
        }
        return shapes;
    }
}
