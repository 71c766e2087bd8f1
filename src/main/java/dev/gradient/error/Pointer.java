package dev.gradient.error;

/**
 * JSON Pointers (RFC 6901) into a request, as errors report them: {@code ""} is the whole
 * body, {@code "/graph/nodes/3/args/1"} an element within it. Every pointer the service
 * writes is built here, so that a field name holding {@code ~} or {@code /} is escaped
 * ({@code ~0}, {@code ~1}) and the pointer still names exactly that field.
 */
public final class Pointer {

    /** The whole request body. */
    public static final String ROOT = "";

    private Pointer() {
    }

    /** {@code pointer} extended by the object member {@code name}, escaped as RFC 6901 says. */
    public static String child(String pointer, String name) {
        // "~" first: escaping "/" writes a "~" that must stay as it is
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** {@code pointer} extended by the array element {@code index}. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
