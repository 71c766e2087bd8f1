package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import dev.gradient.op.OpRegistry;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Wires what requests are read with: the op set and the parser (with the limits that
 * {@code dev.gradient.config} hands it), and the HTTP layer's own guards, the request body
 * filter and Jackson's stream-read constraints.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /**
     * The longest number literal Jackson reads. The exact decimal form of a double can have
     * up to 767 significant digits, so anything a client may legitimately send fits.
     */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** The op set that requests may name: the standard one (a test may supply a primary registry of its own). */
    @Bean
    OpRegistry opRegistry() {
        return OpRegistry.standard();
    }

    /** The parser, with the limits that config hands it and the op set that requests may name. */
    @Bean
    SourceParser sourceParser(ParseLimits limits, OpRegistry ops) {
        return new SourceParser(limits, ops);
    }

    /** Tensors in responses: written by one serializer, as nested arrays or binary arrays. */
    @Bean
    JsonMapperBuilderCustomizer tensorSerializer() {
        return builder -> builder.addModule(ArrayForm.module());
    }

    /**
     * The streaming request reader ({@link BodyConverter}) for every {@code Body} parameter, in
     * JSON and CBOR; the {@code application/json+base64} response form beside Boot's JSON
     * converter, and {@code application/cbor} in place of the framework's default CBOR
     * converter, with the same read limits and tensor writing as JSON.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer binaryConverters(JsonMapper json, GradientLimits limits) {
        CBORMapper cbor = CBORMapper.builder(CBORFactory.builder().streamReadConstraints(readConstraints(limits)).build())
                .addModule(ArrayForm.module()).build();
        return converters -> converters.addCustomConverter(new BodyConverter(json, cbor, limits))
                .addCustomConverter(new Base64JsonConverter(json))
                .withCborConverter(new CborConverter(cbor));
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(GradientLimits limits, JsonMapper json) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(limits.maxBodySize().toBytes(), json));
        // first, before anything can read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The JSON factory that requests are read and responses written with: read constraints that
     * follow the limits; Schubfach for writing doubles (the shortest form that reads back as the
     * same double, and faster than {@code Double.toString}); and FastDoubleParser for reading
     * them, which rounds exactly as {@code Double.parseDouble} does but parses from the parser's
     * own buffer, where the JDK's needs a String per number (about 56 bytes each, most of what
     * reading a large array of decimals allocated).
     */
    static JsonFactory jsonFactory(GradientLimits limits) {
        return JsonFactory.builder().streamReadConstraints(readConstraints(limits))
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    }

    /** What a request body may hold, in JSON or CBOR: nesting, string and number lengths that follow the limits. */
    private static StreamReadConstraints readConstraints(GradientLimits limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                // a binary array's base64 text may take most of the body; expressions are bounded by the parser
                .maxStringLength((int) Math.min(limits.maxBodySize().toBytes(), Integer.MAX_VALUE))
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
    }

    /**
     * Boot's JSON mapper builder, built on a factory with read constraints that follow the
     * limits. Boot 4.0 offers no customizer for the {@link JsonFactory} itself and a
     * {@link JsonMapperBuilderCustomizer} cannot replace it, so this replaces Boot's builder
     * bean (which backs off for it) and applies every customizer in order, Boot's own
     * {@code spring.jackson.*} one included.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(GradientLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(jsonFactory(limits));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
