package dev.gradient.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attributes have one canonical form: sorted by name, of three value types only. */
class AttrsTest {

    @Test
    void theOrderAttributesWereGivenInDoesNotMatter() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("shape", List.of(2, 3));
        one.put("axis", 0);
        Attrs attrs = Attrs.of(one);
        assertThat(attrs.asMap().keySet()).containsExactly("axis", "shape");
        assertThat(attrs).isEqualTo(Attrs.of("axis", 0).with("shape", List.of(2, 3)));
        assertThat(Attrs.of(Map.of())).isSameAs(Attrs.NONE);
    }

    @Test
    void valuesAreReadByType() {
        Attrs attrs = Attrs.of(Map.of("axis", 1, "shape", List.of(4), "spec", "1:"));
        assertThat(attrs.integer("axis", null)).isEqualTo(1);
        assertThat(attrs.integer("missing", -1)).isEqualTo(-1);
        assertThat(attrs.integers("shape")).containsExactly(4);
        assertThat(attrs.string("spec")).isEqualTo("1:");
        assertThat(attrs.has("spec")).isTrue();
    }

    @Test
    void onlyIntegersListsOfIntegersAndStringsAreAttributes() {
        assertThatThrownBy(() -> Attrs.of("axis", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attrs.of("shape", List.of(1, "2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
