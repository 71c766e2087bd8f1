package dev.gradient.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gradient.error.GradientException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the expression parser: any text either parses or fails with one of the parsers' own
 * typed errors, which the service answers with a 4xx. Anything else (a runtime exception, a
 * stack overflow, a hang past the timeout) is a finding. In a normal build this replays the
 * committed corpus in {@code ExpressionParserFuzzTestInputs/}; {@code docs/SECURITY.md} says
 * how to fuzz it.
 */
class ExpressionParserFuzzTest {

    /** The service's default limits, so that the fuzzer explores what a client can actually reach. */
    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));

    // In fuzzing mode Jazzer turns @Timeout into libFuzzer's per-input timeout (a slower input
    // is a finding); JUnit would also apply it to the whole run, which is why the fuzzing command
    // in docs/SECURITY.md disables JUnit's timeouts. In regression mode it bounds the replay.
    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anyTextParsesOrFailsWithATypedError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            PARSER.expression(text, "/expression");
        } catch (GradientException expected) {
            // a client error, answered with a problem; the parsers raise no other
            if (expected.code().status() >= 500) {
                throw expected;
            }
        }
    }
}
