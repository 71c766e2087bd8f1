package dev.gradient.telemetry;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request its id and, once it is answered, its log line and meters. A Tomcat engine
 * valve rather than a servlet filter: it runs before every filter (the body-size filter answers
 * some requests before any other filter runs) and around the container's error dispatch, so no
 * answer, and no problem, leaves without its id.
 */
final class RequestValve extends ValveBase {

    private final RequestLog log;
    private final RequestMeters meters;

    RequestValve(RequestLog log, RequestMeters meters) {
        super(true);
        this.log = log;
        this.meters = meters;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        long started = System.nanoTime();
        String id = RequestIds.of(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, id);
        RequestFacts facts = RequestFacts.open(id);
        MDC.put(RequestLog.REQUEST_ID, id);
        try {
            getNext().invoke(request, response);
        } finally {
            try {
                long now = System.nanoTime();
                String endpoint = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                        ? pattern : null;
                meters.record(endpoint, facts, now);
                log.write(request.getMethod(), request.getRequestURI(), endpoint, response.getStatus(), now - started, facts, now);
            } finally {
                MDC.remove(RequestLog.REQUEST_ID);
                facts.close();
            }
        }
    }
}
