package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.config.GradientLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * A body over {@code gradient.limits.max-body-size} is answered with a 413 that a client
 * reads even when it writes the whole body before it reads anything, as Python's urllib and
 * most blocking clients do. The server reads and discards the rest of such a body up to
 * {@code server.tomcat.max-swallow-size} before it closes the connection; closing with unread
 * bytes makes the kernel reset the connection, and a client still writing then gets a broken
 * pipe instead of the answer. Beyond that bound the connection is dropped: nothing reads an
 * unbounded body.
 */
class TooLargeBodyOverHttpTest extends ApiTest {

    private static final int BLOCK = 64 * 1024;

    @Autowired
    GradientLimits limits;

    // Tomcat's own default where the property is not set
    @Value("${server.tomcat.max-swallow-size:2MB}")
    DataSize swallow;

    /** What the server answered, or how much of the body it took before it dropped the connection. */
    private record Outcome(String response, long written, IOException failure) {

        int status() {
            assertThat(failure).as("the body failed after %d bytes", written).isNull();
            return Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
        }

        JsonNode problem() {
            int end = response.indexOf("\r\n\r\n");
            String body = response.substring(end + 4);
            if (response.substring(0, end).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                // the problem handler's answer comes in chunks: a hex size line, then that many bytes
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (true) {
                    int line = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, line), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(body, line + 2, line + 2 + size);
                    at = line + 2 + size + 2;
                }
                body = joined.toString();
            }
            return HttpApi.JSON.readTree(body);
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnsweredAfterTheWholeBodyIsWritten() {
        // well past the few megabytes that socket buffers and Tomcat's default 2 MB swallow absorb
        long length = limits.maxBodySize().toBytes() + DataSize.ofMegabytes(16).toBytes();
        Outcome outcome = postWritingEverythingFirst(
                "Content-Length: " + length, length);
        assertThat(outcome.status()).isEqualTo(413);
        assertThat(outcome.problem().path("limit").asString()).isEqualTo("gradient.limits.max-body-size");
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnsweredAfterTheWholeBodyIsWritten() {
        long length = limits.maxBodySize().toBytes() + DataSize.ofMegabytes(16).toBytes();
        Outcome outcome = postWritingEverythingFirst("Transfer-Encoding: chunked", length);
        assertThat(outcome.status()).isEqualTo(413);
        assertThat(outcome.problem().path("limit").asString()).isEqualTo("gradient.limits.max-body-size");
    }

    @Test
    void aBodyFarBeyondTheDiscardBoundIsNotReadToItsEnd() {
        long length = swallow.toBytes() + DataSize.ofGigabytes(1).toBytes();
        Outcome outcome = postWritingEverythingFirst(
                "Content-Length: " + length, length);
        assertThat(outcome.failure()).as("the server read a body of %d bytes to its end", length).isNotNull();
        // what the kernel's buffers hold on both sides is far below this margin
        assertThat(outcome.written()).isLessThan(limits.maxBodySize().toBytes() + swallow.toBytes()
                + DataSize.ofMegabytes(64).toBytes());
    }

    /**
     * POSTs a JSON body of {@code length} bytes (an object whose padding is whitespace, so that
     * a parser reads on without allocating) to {@code /evaluate} over a raw socket, writing all
     * of it before reading the response, and returns what came back.
     */
    private Outcome postWritingEverythingFirst(String framing, long length) {
        boolean chunked = framing.startsWith("Transfer-Encoding");
        byte[] head = "{\"expression\": \"x\", \"at\": {\"x\": 1}".getBytes(StandardCharsets.US_ASCII);
        byte[] spaces = new byte[BLOCK];
        Arrays.fill(spaces, (byte) ' ');
        long written = 0;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                written += write(out, head, head.length, chunked);
                while (written < length) {
                    written += write(out, spaces, (int) Math.min(BLOCK, length - written), chunked);
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException dropped) {
                return new Outcome(null, written, dropped);
            }
            return new Outcome(readAll(socket.getInputStream()), written, null);
        } catch (IOException failed) {
            return new Outcome(null, written, failed);
        }
    }

    private static int write(OutputStream out, byte[] bytes, int count, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, count);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return count;
    }

    /** The response up to the end of the stream: the server closes the connection after a 413. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        return response.toString(StandardCharsets.UTF_8);
    }
}
