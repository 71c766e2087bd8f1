package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Fuzzes the whole request path, filters and error handling included: an arbitrary body
 * posted to an endpoint never gets a 5xx. The input's first byte picks the endpoint (its value
 * modulo 8, so the digits {@code 0} to {@code 7} in a seed file name them in {@link #PATHS}
 * order); the rest is the body. Limits are lowered so that each input stays cheap: they are
 * checked before the work, so lower ones reach the same checks.
 */
@SpringBootTest(properties = {
        "gradient.limits.max-nodes=2000", "gradient.limits.max-elements=10000", "gradient.limits.max-points=50",
        "gradient.limits.max-cost=1000000", "gradient.limits.max-result-elements=20000",
        "gradient.limits.max-body-size=64KB", "logging.level.root=WARN"})
// no printing of every exchange: the fuzzer sends thousands a second
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class RequestFuzzTest {

    // index 7 is a GET-only path, so that a wrong method is fuzzed too
    private static final List<String> PATHS =
            List.of("/evaluate", "/gradient", "/jacobian", "/hessian", "/jvp", "/vjp", "/graphs", "/ops");

    @Autowired
    MockMvc mvc;

    // per input when fuzzing, per corpus replay otherwise (see ExpressionParserFuzzTest)
    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noBodyGetsAServerError(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        String path = PATHS.get((input[0] & 0xff) % PATHS.size());
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        MvcResult result = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s %s", path, result.getResponse().getContentAsString())
                .isLessThan(500);
    }
}
