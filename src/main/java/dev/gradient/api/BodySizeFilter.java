package dev.gradient.api;

import dev.gradient.error.GradientException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces {@code gradient.limits.max-body-size} before anything reads the body: a declared
 * {@code Content-Length} above the limit is answered with 413 at once, and a body without
 * one (chunked) is cut off by its stream as soon as it passes the limit, which the problem
 * handler also answers with 413. Either way the filter reads no further; Tomcat discards the
 * rest of the body after the answer, up to {@code server.tomcat.max-swallow-size}, so that a
 * client which writes its whole body before it reads still receives the 413.
 */
final class BodySizeFilter extends OncePerRequestFilter {

    private static final String LIMIT = "gradient.limits.max-body-size";

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeFilter(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            ProblemDetail problem = Problems.of(GradientException.limitExceeded(LIMIT, "the request body has "
                    + declared + " bytes; the limit is " + maxBytes + " bytes"));
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // the client may still be sending a body that nothing will parse; the connection ends after it
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** A request whose body stream fails once it has delivered more than the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /**
         * Counts {@code n} more bytes. Past the limit the read fails with an {@link IOException},
         * as a stream must, whose cause is the limit's problem: the problem handler finds it
         * among the causes of the body's read failure.
         */
        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                GradientException tooLarge = GradientException.limitExceeded(LIMIT, "the request body is larger than the"
                        + " limit of " + maxBytes + " bytes (" + LIMIT + ")");
                throw new IOException(tooLarge.getMessage(), tooLarge);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
