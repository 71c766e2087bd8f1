package dev.gradient.api;

import dev.gradient.error.Pointer;
import dev.gradient.parse.ArrayLimits;
import dev.gradient.parse.Scalar;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code points} of a batch as the streaming reader read them: an array of points (each a
 * {@link NamedValues}), or columnar, one object of columns whose arrays are read within the
 * element limit times the point limit. A list longer than the point limit is counted to its end
 * but its points past the limit are skipped, not read: the request is refused by its count.
 */
final class Points {

    private final List<NamedValues> list;
    private final int count;
    private final NamedValues columns;
    private final String neither;

    private Points(List<NamedValues> list, int count, NamedValues columns, String neither) {
        this.list = list;
        this.count = count;
        this.columns = columns;
        this.neither = neither;
    }

    /** The value whose first token, {@code token}, is {@code parser}'s current one; consumes it. */
    static Points read(JsonParser parser, JsonToken token, ArrayLimits limits, int maxPoints) {
        if (token == JsonToken.START_OBJECT) {
            return new Points(null, 0, NamedValues.read(parser, token, "/points", limits.stacked(maxPoints)), null);
        }
        if (token != JsonToken.START_ARRAY) {
            return new Points(null, 0, null, Scalar.of(parser, token).description());
        }
        List<NamedValues> list = new ArrayList<>();
        int count = 0;
        for (JsonToken point = parser.nextToken(); point != JsonToken.END_ARRAY; point = parser.nextToken()) {
            if (count < maxPoints) {
                list.add(NamedValues.read(parser, point, Pointer.child("/points", count), limits));
            } else {
                parser.skipChildren();
            }
            count++;
        }
        return new Points(list, count, null, null);
    }

    /** Whether the batch is columnar. */
    boolean columnar() {
        return columns != null;
    }

    /** Whether the batch is an array of points. */
    boolean isList() {
        return list != null;
    }

    /** What the body had instead of an array or object ({@code null} where it had one of them). */
    String neither() {
        return neither;
    }

    /** How many points the array holds (read or not). */
    int count() {
        return count;
    }

    /** Point {@code p} of the array, {@code p} within the point limit. */
    NamedValues point(int p) {
        return list.get(p);
    }

    /** The columns of a columnar batch. */
    NamedValues columns() {
        return columns;
    }
}
