package dev.gradient.api;

import dev.gradient.parse.BinaryArray;
import dev.gradient.parse.Values;
import dev.gradient.tensor.Tensor;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the tensors of a response are written, chosen by content negotiation: nested arrays for
 * {@code application/json} (the default), binary arrays for {@code application/json+base64} and
 * {@code application/cbor}.
 * Response records hold {@link Tensor}s; one serializer writes them either way, as the
 * converter that negotiation picked asks through a serialization attribute, and both streams
 * straight into the generator.
 */
final class ArrayForm {

    /** JSON whose every value is a binary array ({@link BinaryArray}). */
    static final String JSON_BASE64_VALUE = "application/json+base64";
    /** {@link #JSON_BASE64_VALUE} as a media type. */
    static final MediaType JSON_BASE64 = MediaType.parseMediaType(JSON_BASE64_VALUE);

    /** The serialization attribute that asks for binary arrays. */
    private static final Object BINARY = ArrayForm.class.getName() + ".binary";

    private ArrayForm() {
    }

    /** The module that writes every {@link Tensor}, in the form the writer's attributes ask for. */
    static SimpleModule module() {
        return new SimpleModule("gradient-tensors").addSerializer(Tensor.class, new TensorSerializer());
    }

    /** {@code writer} set to write tensors as binary arrays. */
    static tools.jackson.databind.ObjectWriter binary(tools.jackson.databind.ObjectWriter writer) {
        return writer.withAttribute(BINARY, Boolean.TRUE);
    }

    private static final class TensorSerializer extends ValueSerializer<Tensor> {

        @Override
        public void serialize(Tensor value, JsonGenerator out, SerializationContext context) {
            if (Boolean.TRUE.equals(context.getAttribute(BINARY))) {
                BinaryArray.write(value, out);
            } else {
                Values.write(value, out);
            }
        }
    }
}
