package dev.gradient.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The request bodies that the request-reading benchmarks read, as UTF-8 bytes: the 2-D
 * Rosenbrock gradient at one point, a batch of 10,000 such points (an array of points, plain
 * columns, base64 columns), and a 50,000 x 10 data set as one input (plain and base64). Seeded,
 * so that every run reads the same bytes.
 */
final class RequestBodies {

    static final String EXPRESSION = "\"expression\": \"100*(y - x^2)^2 + (1 - x)^2\"";
    static final int BATCH = 10_000;
    static final int ROWS = 50_000;
    static final int COLUMNS = 10;

    private RequestBodies() {
    }

    /** The body called {@code name}: point, batch, columns, columnsBase64, dataset or datasetBase64. */
    static byte[] named(String name) {
        Random random = new Random(11);
        String body = switch (name) {
            case "point" -> "{" + EXPRESSION + ", \"at\": {\"x\": 1.2, \"y\": 0.8}}";
            case "batch" -> {
                StringBuilder points = new StringBuilder();
                for (int p = 0; p < BATCH; p++) {
                    points.append(p == 0 ? "" : ", ").append("{\"x\": ").append(random.nextGaussian())
                            .append(", \"y\": ").append(random.nextGaussian()).append('}');
                }
                yield "{" + EXPRESSION + ", \"points\": [" + points + "]}";
            }
            case "columns" -> "{" + EXPRESSION + ", \"points\": {\"x\": " + plain(random, BATCH) + ", \"y\": "
                    + plain(random, BATCH) + "}}";
            case "columnsBase64" -> "{" + EXPRESSION + ", \"points\": {\"x\": " + base64(random, BATCH) + ", \"y\": "
                    + base64(random, BATCH) + "}}";
            case "dataset" -> "{\"expression\": \"sum(X)\", \"at\": {\"X\": " + rows(random) + "}}";
            case "datasetBase64" -> "{\"expression\": \"sum(X)\", \"at\": {\"X\": " + base64(random, ROWS * COLUMNS)
                    .replace("\"shape\": [" + ROWS * COLUMNS + "]", "\"shape\": [" + ROWS + ", " + COLUMNS + "]") + "}}";
            default -> throw new IllegalArgumentException(name);
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** How many doubles the body called {@code name} carries. */
    static int elements(String name) {
        return switch (name) {
            case "point" -> 2;
            case "batch", "columns", "columnsBase64" -> 2 * BATCH;
            default -> ROWS * COLUMNS;
        };
    }

    private static String plain(Random random, int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(random.nextGaussian());
        }
        return out.append(']').toString();
    }

    private static String rows(Random random) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < ROWS; r++) {
            out.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < COLUMNS; c++) {
                out.append(c == 0 ? "" : ", ").append(random.nextGaussian());
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static String base64(Random random, int n) {
        ByteBuffer bytes = ByteBuffer.allocate(n * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            bytes.putDouble(random.nextGaussian());
        }
        return "{\"dtype\": \"float64\", \"shape\": [" + n + "], \"data\": \""
                + Base64.getEncoder().encodeToString(bytes.array()) + "\"}";
    }
}
