package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader's field tables come from the request records that the OpenAPI document describes. */
class RequestFormTest {

    @Test
    void aRecordsComponentsAreItsFieldsReadByTheirSchema() {
        RequestForm jvp = RequestForm.of(RequestSchemas.JvpRequest.class);
        assertThat(jvp.names()).containsExactly("expression", "graph", "graphId", "at", "points", "wrt", "engine", "tangent");
        assertThat(jvp.kind("at")).isEqualTo(FieldKind.NAMED_VALUES);
        assertThat(jvp.kind("tangent")).isEqualTo(FieldKind.NAMED_VALUES);
        assertThat(jvp.kind("points")).isEqualTo(FieldKind.POINTS);
        assertThat(jvp.kind("graph")).isEqualTo(FieldKind.GRAPH);
        assertThat(jvp.kind("expression")).isEqualTo(FieldKind.SMALL);
        assertThat(jvp.kind("cotangent")).isNull();
        assertThat(jvp.fields().get("tangent").required()).isTrue();
        assertThat(jvp.fields().get("at").required()).isFalse();
    }

    @Test
    void theCommonFieldsAreInEveryEvaluationRequest() {
        for (Class<?> request : new Class<?>[] {RequestSchemas.EvaluateRequest.class, RequestSchemas.GradientRequest.class,
                RequestSchemas.JacobianRequest.class, RequestSchemas.HessianRequest.class, RequestSchemas.VjpRequest.class}) {
            assertThat(RequestForm.of(request).names()).as(request.getSimpleName()).containsAll(Requests.COMMON_FIELDS);
        }
    }

    @Test
    void aFormByNamesReadsEachNameAsTheRecordsDo() {
        RequestForm named = RequestForm.named(Set.of("at", "cotangent", "wrt", "somethingNew"));
        assertThat(named.kind("cotangent")).isEqualTo(FieldKind.NAMED_VALUES);
        assertThat(named.kind("wrt")).isEqualTo(FieldKind.SMALL);
        assertThat(named.kind("somethingNew")).isEqualTo(FieldKind.SMALL);
    }
}
