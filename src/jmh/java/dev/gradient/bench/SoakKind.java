package dev.gradient.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The kinds of request the soak mixes, each with the requests it sends and the status it
 * expects. Points vary from request to request, and inline expressions vary among ten thousand
 * forms, so that the caches fill, evict and are measured at their bounds rather than hit one
 * entry.
 */
enum SoakKind {

    /** A small cached gradient, by the id of a registered graph. */
    GRADIENT_BY_ID,
    /** A gradient of an inline expression: parsed, hashed and looked up (or compiled) per request. */
    INLINE_EXPRESSION,
    /** A batch of 100 points through a registered graph. */
    BATCH,
    /** A 2x2 Jacobian of a vector function, also as a matrix. */
    JACOBIAN,
    /** A 3x3 Hessian, forward over reverse. */
    HESSIAN,
    /** Requests that must be refused: each of {@link #BAD} with its 4xx. */
    BAD_REQUEST;

    /** One request: where, what, and the one status that is right for it. */
    record Request(String path, String contentType, String body, int expectedStatus) {
    }

    private static final String JSON = "application/json";
    private static final int BATCH_POINTS = 100;

    /** The refusals, one per kind of client error the service names. */
    private static final List<Request> BAD = List.of(
            new Request("/gradient", JSON, "{\"expression\": \"x + * y\", \"at\": {\"x\": 1, \"y\": 2}}", 422),
            new Request("/gradient", JSON, "{\"graphId\": \"0123456789abcdef0123456789abcdef\", \"at\": {}}", 404),
            new Request("/gradient", JSON, "{\"expression\": ", 400),
            new Request("/hessian", JSON, "{\"expression\": \"x\", \"at\": {\"x\": 1}, \"bogus\": 1}", 400),
            new Request("/evaluate", JSON, "{\"expression\": \"" + "-".repeat(300) + "x\", \"at\": {\"x\": 1}}", 413),
            new Request("/gradient", "text/plain", "x^2", 415),
            new Request("/gradient", JSON, "{\"expression\": \"x\", \"at\": {\"x\": [1, 2]}}", 422));

    /** The next request of this kind; {@code graphId} is the registered two-input function of x and y. */
    Request next(String graphId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double x = random.nextDouble(-2, 2);
        double y = random.nextDouble(-2, 2);
        return switch (this) {
            case GRADIENT_BY_ID -> ok("/gradient", "{\"graphId\": \"" + graphId + "\", \"at\": " + point(x, y) + "}");
            case INLINE_EXPRESSION -> ok("/gradient", "{\"expression\": \"sin(x) * y + x^2 / " + (1 + random.nextInt(10_000))
                    + "\", \"at\": " + point(x, y) + "}");
            case BATCH -> ok("/gradient", batch(graphId, random));
            case JACOBIAN -> ok("/jacobian", "{\"expression\": [\"r*cos(t)\", \"r*sin(t)\"], \"at\": {\"r\": " + x
                    + ", \"t\": " + y + "}, \"format\": \"matrix\"}");
            case HESSIAN -> ok("/hessian", "{\"expression\": \"x*y*z + sin(x*y) + exp(y*z)\", \"at\": {\"x\": " + x
                    + ", \"y\": " + y + ", \"z\": 0.5}}");
            case BAD_REQUEST -> BAD.get(random.nextInt(BAD.size()));
        };
    }

    private static Request ok(String path, String body) {
        return new Request(path, JSON, body, 200);
    }

    private static String point(double x, double y) {
        return "{\"x\": " + x + ", \"y\": " + y + "}";
    }

    private static String batch(String graphId, ThreadLocalRandom random) {
        StringBuilder body = new StringBuilder("{\"graphId\": \"").append(graphId).append("\", \"points\": [");
        for (int i = 0; i < BATCH_POINTS; i++) {
            body.append(i == 0 ? "" : ", ").append(point(random.nextDouble(-2, 2), random.nextDouble(-2, 2)));
        }
        return body.append("]}").toString();
    }
}
