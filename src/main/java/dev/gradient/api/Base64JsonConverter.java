package dev.gradient.api;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes responses as {@code application/json+base64}: the JSON that {@code application/json}
 * gives, with every tensor a binary array. The endpoints consume only {@code application/json}
 * (binary arrays in requests are recognised per value), and it uses the application's own
 * mapper, so that everything else is written alike.
 */
final class Base64JsonConverter extends JacksonJsonHttpMessageConverter {

    Base64JsonConverter(JsonMapper mapper) {
        super(mapper);
        setSupportedMediaTypes(List.of(ArrayForm.JSON_BASE64));
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
        return ArrayForm.binary(super.customizeWriter(writer, javaType, contentType));
    }
}
