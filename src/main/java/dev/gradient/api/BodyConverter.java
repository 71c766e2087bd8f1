package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Reads {@code @RequestBody Body<R>} parameters, in {@code application/json} or
 * {@code application/cbor}, with the streaming {@link BodyReader}: the type argument {@code R}
 * (a record of {@link RequestSchemas}) gives the fields. The parsers come from the
 * application's JSON mapper and from the CBOR mapper, so that they keep their read limits
 * (nesting depth, number and string lengths). Malformed input reaches the problem handler as
 * the framework's unreadable-body exception, with Jackson's exception (and through it the body
 * size limit's) as its cause. It writes nothing.
 */
final class BodyConverter extends AbstractSmartHttpMessageConverter<Body<?>> {

    private final JsonMapper json;
    private final CBORMapper cbor;
    private final GradientLimits limits;

    BodyConverter(JsonMapper json, CBORMapper cbor, GradientLimits limits) {
        super(MediaType.APPLICATION_JSON, MediaType.APPLICATION_CBOR);
        this.json = json;
        this.cbor = cbor;
        this.limits = limits;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type == Body.class;
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return supports(type.toClass()) && type.getGeneric(0).resolve() != null && canRead(mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }

    @Override
    public Body<?> read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        RequestForm form = RequestForm.of(type.getGeneric(0).resolve());
        MediaType contentType = input.getHeaders().getContentType();
        ObjectMapper mapper = contentType != null && MediaType.APPLICATION_CBOR.isCompatibleWith(contentType) ? cbor : json;
        try (JsonParser parser = mapper.createParser(input.getBody())) {
            return BodyReader.read(parser, form, limits);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The body could not be read: " + e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Body<?> body, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints) {
        throw new UnsupportedOperationException("a request body is never written");
    }
}
