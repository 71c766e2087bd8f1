package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields one kind of request may have, as the streaming reader needs them: each field's
 * name, how it is read, and whether it is required. Taken from a record of
 * {@link RequestSchemas}, the same record that the OpenAPI document describes the body with,
 * so that the reader and the document cannot disagree about which fields exist: a component
 * is a field (named by its {@code @JsonProperty} where it has one), its {@code @Schema}
 * reference or type says how it is read, and {@code requiredMode = REQUIRED} that it is required.
 *
 * @param fields every field by name, in the record's order
 */
record RequestForm(Map<String, Field> fields) {

    /** One field of a request. */
    record Field(String name, FieldKind kind, boolean required) {
    }

    private static final ClassValue<RequestForm> FORMS = new ClassValue<>() {
        @Override
        protected RequestForm computeValue(Class<?> type) {
            return fromRecord(type);
        }
    };

    /** How each field name that any request record has is read; a name is read alike in every request. */
    private static final Map<String, FieldKind> KINDS = everyKind();

    RequestForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The form that the request record {@code type} (one of {@link RequestSchemas}') describes. */
    static RequestForm of(Class<?> type) {
        return FORMS.get(type);
    }

    /**
     * A form of just the fields {@code names}, none required, each read as the request records
     * read a field of that name (or as a small value): for bodies given as trees.
     */
    static RequestForm named(Set<String> names) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, new Field(name, KINDS.getOrDefault(name, FieldKind.SMALL), false));
        }
        return new RequestForm(fields);
    }

    /** The field names. */
    Set<String> names() {
        return fields.keySet();
    }

    /** How the field {@code name} is read; {@code null} where the request has no such field. */
    FieldKind kind(String name) {
        Field field = fields.get(name);
        return field == null ? null : field.kind();
    }

    private static RequestForm fromRecord(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record, so it describes no request body");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
            Schema schema = component.getAccessor().getAnnotation(Schema.class);
            boolean required = schema != null && schema.requiredMode() == Schema.RequiredMode.REQUIRED;
            fields.put(name, new Field(name, kind(component, schema), required));
        }
        return new RequestForm(fields);
    }

    private static FieldKind kind(RecordComponent component, Schema schema) {
        if (component.getType() == RequestSchemas.GraphSpec.class) {
            return FieldKind.GRAPH;
        }
        String ref = schema == null ? "" : schema.ref();
        if (ref.equals(RequestSchemas.NAMED_VALUES)) {
            return FieldKind.NAMED_VALUES;
        }
        return ref.equals(RequestSchemas.POINTS) ? FieldKind.POINTS : FieldKind.SMALL;
    }

    private static Map<String, FieldKind> everyKind() {
        Map<String, FieldKind> kinds = new HashMap<>();
        Arrays.stream(RequestSchemas.class.getDeclaredClasses()).filter(c -> c.isRecord() && c.getSimpleName().endsWith("Request"))
                .forEach(c -> of(c).fields().values().forEach(f -> kinds.put(f.name(), f.kind())));
        return Map.copyOf(kinds);
    }
}
