package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/** With API keys configured: who gets in, what stays open, and tenants' separate registries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=globex",
        "gradient.security.api-keys[1].sha256=" + ApiKeysOverHttpTest.GLOBEX_SHA256})
class ApiKeysOverHttpTest extends ApiTest {

    /** {@code printf %s acme-key | sha256sum} */
    static final String ACME_SHA256 = "afacab3575137afa4e00d9cbcafcb14c9ae25f779d964eb0ea5b2c4eb5dfd163";
    static final String GLOBEX_SHA256 = "f2a455b59b858a04c51108416af2042203cb6ac35fa4141fba4148bc856e78d4";
    static final String EVALUATE = "{\"expression\": \"x * 2\", \"at\": {\"x\": 3}}";

    @Autowired
    ApplicationContext context;

    private HttpApi acme() {
        return api.withKey("acme-key");
    }

    private HttpApi globex() {
        return api.withKey("globex-key");
    }

    private static void unauthorized(HttpApi.Reply reply) {
        JsonNode problem = problem(reply, 401, "UNAUTHORIZED");
        assertThat(problem.path("type").asString()).isEqualTo("urn:gradient:problem:unauthorized");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aRequestWithoutAKeyIsA401Problem() {
        unauthorized(api.post("/evaluate", EVALUATE));
        unauthorized(api.get("/ops"));
        unauthorized(api.get("/graphs/0123"));
    }

    @Test
    void aWrongKeyIsA401Problem() {
        unauthorized(api.withKey("acme-key-but-not-quite").post("/evaluate", EVALUATE));
        unauthorized(api.withKey(ACME_SHA256).post("/evaluate", EVALUATE));
        assertThat(api.withKey("wrong").get("/ops").json().path("detail").asString()).isEqualTo("The API key is not valid");
    }

    @Test
    void anAuthorizationHeaderThatIsNotBearerIsA401Problem() {
        unauthorized(api.send(java.net.http.HttpRequest.newBuilder(api.uri("/ops"))
                .header("Authorization", "Basic YWNtZTphY21lLWtleQ==").GET()));
    }

    @Test
    void noUserIsGeneratedSoNoPasswordIsPrintedAtStartup() {
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void aValidKeyIsServedWithoutASession() {
        HttpApi.Reply reply = acme().post("/evaluate", EVALUATE);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("outputs").path("f").asDouble()).isEqualTo(6.0);
        assertThat(reply.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(globex().get("/ops").status()).isEqualTo(200);
    }

    @Test
    void healthProbesAndTheApiDocumentsStayOpen() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html"}) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anotherTenantsGraphIsUnknownToGetDeleteAndUseById() {
        String id = register(acme(), "x * sin(x) + 11");
        problem(globex().get("/graphs/" + id), 404, "UNKNOWN_GRAPH");
        problem(globex().delete("/graphs/" + id), 404, "UNKNOWN_GRAPH");
        problem(globex().post("/evaluate", "{\"graphId\": \"" + id + "\", \"at\": {\"x\": 1}}"), 404, "UNKNOWN_GRAPH");
        // the owner still has it: the refusals above changed nothing
        assertThat(acme().get("/graphs/" + id).status()).isEqualTo(200);
        assertThat(acme().post("/evaluate", "{\"graphId\": \"" + id + "\", \"at\": {\"x\": 1}}").status()).isEqualTo(200);
    }

    @Test
    void twoTenantsRegisteringTheSameGraphEachOwnACopy() {
        String expression = "{\"expression\": \"x * cos(x) + 12\"}";
        HttpApi.Reply first = acme().post("/graphs", expression);
        HttpApi.Reply second = globex().post("/graphs", expression);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as("new to globex, whoever else has it").isEqualTo(201);
        String id = first.json().path("graphId").asString();
        assertThat(second.json().path("graphId").asString()).isEqualTo(id);
        assertThat(acme().delete("/graphs/" + id).status()).isEqualTo(204);
        problem(acme().get("/graphs/" + id), 404, "UNKNOWN_GRAPH");
        assertThat(globex().get("/graphs/" + id).status()).isEqualTo(200);
    }

    @Test
    void inlineSourcesServeEveryTenant() {
        String body = "{\"expression\": \"x * tan(x) + 13\", \"at\": {\"x\": 0.5}}";
        assertThat(acme().post("/gradient", body).json()).isEqualTo(globex().post("/gradient", body).json());
    }

    private static String register(HttpApi client, String expression) {
        HttpApi.Reply reply = client.post("/graphs", "{\"expression\": \"" + expression + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("graphId").asString();
    }
}
