package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.config.GradientLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A 50,000 x 10 data set travels in plain JSON under the default body limit, its numbers written
 * at their longest (17 significant digits, a sign and an exponent, as Python's json.dumps writes
 * them), and its gradient is right: the mean of squares, whose gradient is 2 X / n.
 */
class LargeDataSetTest extends ApiTest {

    private static final int ROWS = 50_000;
    private static final int COLUMNS = 10;

    @Autowired
    private GradientLimits limits;

    @Test
    void aFiftyThousandByTenDataSetFitsInPlainJson() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        double[][] x = new double[ROWS][COLUMNS];
        StringBuilder body = new StringBuilder("{\"expression\": \"mean(X * X)\", \"at\": {\"X\": [");
        for (int r = 0; r < ROWS; r++) {
            body.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < COLUMNS; c++) {
                // -d.ddddddddddddddddde-1xx: the longest form a double takes
                x[r][c] = -(1 + random.nextDouble()) * Math.pow(10, -100 - random.nextInt(200));
                body.append(c == 0 ? "" : ", ").append(String.format("%.16e", x[r][c]));
            }
            body.append(']');
        }
        body.append("]}, \"wrt\": [\"X\"]}");
        assertThat((long) body.length()).as("more than the old 4 MB limit took").isGreaterThan(12_000_000L)
                .isLessThanOrEqualTo(limits.maxBodySize().toBytes());
        HttpApi.Reply reply = api.post("/gradient", body.toString());
        assertThat(reply.status()).as("seed %d: %s", seed, reply.body().substring(0, Math.min(300, reply.body().length())))
                .isEqualTo(200);
        JsonNode gradient = reply.json().path("gradient").path("X");
        assertThat(gradient.size()).isEqualTo(ROWS);
        for (int r = 0; r < ROWS; r += 997) {
            for (int c = 0; c < COLUMNS; c++) {
                double expected = 2 * Double.parseDouble(String.format("%.16e", x[r][c])) / (ROWS * COLUMNS);
                assertThat(gradient.path(r).path(c).asDouble()).as("seed %d, X[%d][%d]", seed, r, c)
                        .isCloseTo(expected, org.assertj.core.api.Assertions.withinPercentage(1e-10));
            }
        }
    }
}
