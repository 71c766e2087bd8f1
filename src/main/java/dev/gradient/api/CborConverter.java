package dev.gradient.api;

import org.springframework.http.MediaType;
import org.springframework.http.converter.cbor.JacksonCborHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Responses as {@code application/cbor} (RFC 8949); requests in CBOR are read by
 * {@link BodyConverter} with the same streaming reader as JSON (Jackson's CBOR parser is a
 * {@code JsonParser}), so that every check and JSON Pointer is the same. Responses write every
 * value as a binary array whose {@code data} is a CBOR byte string (raw little-endian float64
 * bytes, no base64); requests may send values either way, or as CBOR numbers and arrays.
 */
final class CborConverter extends JacksonCborHttpMessageConverter {

    CborConverter(CBORMapper mapper) {
        super(mapper);
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
        return ArrayForm.binary(super.customizeWriter(writer, javaType, contentType));
    }
}
