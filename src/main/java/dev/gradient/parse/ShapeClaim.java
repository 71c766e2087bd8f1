package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code shape} of a {@link BinaryArray} as read from the stream, checked only when asked,
 * so that the binary array's checks keep their order whatever the order of its fields. It keeps
 * no more sizes than the rank limit allows, and the first size that is not one.
 */
final class ShapeClaim {

    private final String pointer;
    private final String notAnArray;
    private int count;
    private long[] sizes = new long[4];
    private GradientException firstFault;
    private int faultIndex = -1;

    private ShapeClaim(String pointer, String notAnArray) {
        this.pointer = pointer;
        this.notAnArray = notAnArray;
    }

    /** The shape whose first token, {@code token}, is {@code parser}'s current one, at {@code pointer}; consumes it. */
    static ShapeClaim read(JsonParser parser, JsonToken token, String pointer, ArrayLimits limits) {
        if (token != JsonToken.START_ARRAY) {
            ShapeClaim claim = new ShapeClaim(pointer, Values.describe(parser, token));
            parser.skipChildren();
            return claim;
        }
        ShapeClaim claim = new ShapeClaim(pointer, null);
        for (JsonToken size = parser.nextToken(); size != JsonToken.END_ARRAY; size = parser.nextToken()) {
            claim.add(parser, size, limits);
        }
        return claim;
    }

    private void add(JsonParser parser, JsonToken token, ArrayLimits limits) {
        int index = count++;
        if (firstFault != null || index >= limits.maxRank()) {
            parser.skipChildren(); // refused already: by an earlier size, or by its rank at the end
            return;
        }
        boolean integral = token == JsonToken.VALUE_NUMBER_INT;
        boolean big = integral && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
        if (!integral || (big ? parser.getBigIntegerValue().signum() < 0 : parser.getLongValue() < 0)) {
            String at = Pointer.child(pointer, index);
            firstFault = GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a size (an integer, 0 or more) but was "
                    + Values.describe(parser, token) + " at " + at, at);
            faultIndex = index;
            parser.skipChildren();
            return;
        }
        if (index == sizes.length) {
            sizes = java.util.Arrays.copyOf(sizes, sizes.length * 2);
        }
        sizes[index] = big ? Long.MAX_VALUE : parser.getLongValue();
    }

    /**
     * The sizes, refused where they claim more elements or axes than the limits allow, checked
     * in order as they are listed. For the element limit a size of 0 counts as 1: a shape such
     * as [0, 1000000000] holds nothing, but the ops over it could build tensors of its other sizes.
     */
    int[] dims(String arrayPointer, ArrayLimits limits) {
        if (notAnArray != null) {
            throw Json.expected("an array", notAnArray, pointer);
        }
        if (count > limits.maxRank()) {
            throw GradientException.limitExceeded("gradient.limits.max-json-depth", "the binary array at " + Json.where(arrayPointer)
                    + " has " + count + " axes; the limit is " + limits.maxRank() + ", as for nested arrays");
        }
        int[] dims = new int[count];
        long claimed = 1;
        for (int i = 0; i < count; i++) {
            if (i == faultIndex) {
                throw firstFault;
            }
            long size = sizes[i];
            claimed = ArrayLimits.saturatingMultiply(claimed, Math.max(size, 1));
            if (claimed > limits.maxElements() || size > Integer.MAX_VALUE) {
                throw GradientException.limitExceeded("gradient.limits.max-elements", "the binary array at "
                        + Json.where(arrayPointer) + " claims a shape of more than " + limits.maxElements()
                        + " elements; the limit is " + limits.maxElements());
            }
            dims[i] = (int) size;
        }
        return dims;
    }
}
