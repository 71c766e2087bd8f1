package dev.gradient.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pointers are written as RFC 6901 says, so that every field name, however odd, is named exactly. */
class PointerTest {

    @Test
    void tildeAndSlashAreEscapedTildeFirst() {
        assertThat(Pointer.child(Pointer.ROOT, "a/b")).isEqualTo("/a~1b");
        assertThat(Pointer.child(Pointer.ROOT, "a~b")).isEqualTo("/a~0b");
        // "~1" in a name is the two characters '~' and '1', not an escaped '/'
        assertThat(Pointer.child(Pointer.ROOT, "~1")).isEqualTo("/~01");
        assertThat(Pointer.child("/graph", "")).isEqualTo("/graph/");
    }

    @Test
    void arrayElementsAreTheirIndex() {
        assertThat(Pointer.child(Pointer.child("/points", 3), "x")).isEqualTo("/points/3/x");
    }
}
