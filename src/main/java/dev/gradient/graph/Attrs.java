package dev.gradient.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes of an op application, such as {@code axis} or {@code shape}: an immutable
 * map from name to an {@link Integer}, a {@code List<Integer>} or a {@link String}, sorted by
 * name so that it has one canonical form.
 */
public final class Attrs {

    /** No attributes. */
    public static final Attrs NONE = new Attrs(new TreeMap<>());

    private final Map<String, Object> values;

    private Attrs(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Attributes from a map whose values are integers, lists of integers or strings. */
    public static Attrs of(Map<String, ?> values) {
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(name, checked(name, value)));
        return copy.isEmpty() ? NONE : new Attrs(copy);
    }

    /** One attribute. */
    public static Attrs of(String name, Object value) {
        return of(Map.of(name, value));
    }

    private static Object checked(String name, Object value) {
        if (value instanceof Integer || value instanceof String) {
            return value;
        }
        if (value instanceof List<?> list && list.stream().allMatch(Integer.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("attribute " + name + " must be an integer, a list of integers or a string");
    }

    /** All attributes, sorted by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether the attribute is present. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** An integer attribute, or {@code fallback} when absent. */
    public Integer integer(String name, Integer fallback) {
        Object value = values.get(name);
        return value == null ? fallback : (Integer) value;
    }

    /** A list-of-integers attribute, or {@code null} when absent. */
    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return (List<Integer>) values.get(name);
    }

    /** A string attribute, or {@code null} when absent. */
    public String string(String name) {
        return (String) values.get(name);
    }

    /** This with one more (or one replaced) attribute. */
    public Attrs with(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(name, checked(name, value));
        return new Attrs(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attrs other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
