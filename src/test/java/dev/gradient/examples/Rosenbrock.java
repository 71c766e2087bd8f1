package dev.gradient.examples;

import dev.gradient.client.ApiClient;
import dev.gradient.client.ApiException;
import dev.gradient.client.api.DerivativesApi;
import dev.gradient.client.api.GraphsApi;
import dev.gradient.client.model.GradientRequest;
import dev.gradient.client.model.GradientResponse;
import dev.gradient.client.model.RegisterRequest;
import java.util.Map;

/**
 * Minimises the Rosenbrock function (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1) by gradient descent
 * with Barzilai-Borwein step sizes, asking the service for every gradient through the
 * generated Java client. The function is registered once; each step then names it by id.
 *
 * <p>Usage: {@code Rosenbrock [BASE_URL]} (default: {@code $GRADIENT_URL}, else
 * {@code http://localhost:8080}).
 */
public final class Rosenbrock {

    private final DerivativesApi derivatives;
    private final String graphId;

    private Rosenbrock(ApiClient client) throws ApiException {
        this.derivatives = new DerivativesApi(client);
        this.graphId = new GraphsApi(client)
                .register(new RegisterRequest().expression("(1-x)^2 + 100*(y-x^2)^2")).getGraphId();
    }

    /** The value and gradient at (x, y): {f, df/dx, df/dy}. */
    private double[] gradient(double x, double y) throws ApiException {
        GradientResponse reply = derivatives.gradient(new GradientRequest().graphId(graphId).at(Map.of("x", x, "y", y)));
        // a Value is a plain JSON value: here, a number
        return new double[] {((Number) reply.getValue()).doubleValue(),
                ((Number) reply.getGradient().get("x")).doubleValue(), ((Number) reply.getGradient().get("y")).doubleValue()};
    }

    /**
     * Runs the descent and prints the minimum it found.
     *
     * @param args the service's base URL, optionally
     * @throws ApiException where the service answers an error
     */
    public static void main(String[] args) throws ApiException {
        String base = args.length > 0 ? args[0] : System.getenv().getOrDefault("GRADIENT_URL", "http://localhost:8080");
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        Rosenbrock rosenbrock = new Rosenbrock(client);

        double x = -1.2;
        double y = 1.0;
        double[] g = rosenbrock.gradient(x, y);
        double step = 0.001;
        int steps = 0;
        while (steps < 1000 && Math.hypot(g[1], g[2]) >= 1e-6) {
            double nx = x - step * g[1];
            double ny = y - step * g[2];
            double[] ng = rosenbrock.gradient(nx, ny);
            // Barzilai-Borwein: step = s.s / s.r, with s the move and r the change of the gradient;
            // where the curvature along s is not positive, fall back to a small fixed step.
            double sx = nx - x;
            double sy = ny - y;
            double sr = sx * (ng[1] - g[1]) + sy * (ng[2] - g[2]);
            step = sr > 0 ? (sx * sx + sy * sy) / sr : 0.001;
            x = nx;
            y = ny;
            g = ng;
            steps++;
        }
        System.out.println("minimum: x=" + x + " y=" + y + " f=" + g[0] + " steps=" + steps);
    }
}
