package dev.gradient.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

/** Each code fixes its problem's status, type and title, exactly as they were before the enum owned them. */
class ErrorCodeTest {

    /** The title rule before the enum: the code's words, or the status's reason phrase where they are the same words. */
    private static String formerTitle(ErrorCode code) {
        if (code == ErrorCode.SYNTAX) {
            return "Syntax error";
        }
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        String reason = HttpStatus.valueOf(code.status()).getReasonPhrase();
        return title.equalsIgnoreCase(reason) ? reason : title;
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void theTypeIsTheCodeAsAUrnAndTheTitleIsUnchanged(ErrorCode code) {
        assertThat(code.type()).isEqualTo("urn:gradient:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(code.title()).isEqualTo(formerTitle(code));
        assertThat(HttpStatus.resolve(code.status())).as("%s has a real status", code).isNotNull();
        assertThat(code.description()).isNotBlank();
    }

    @Test
    void theContractsCodesKeepTheirStatus() {
        assertThat(ErrorCode.MALFORMED_REQUEST.status()).isEqualTo(400);
        assertThat(ErrorCode.UNKNOWN_GRAPH.status()).isEqualTo(404);
        assertThat(ErrorCode.LIMIT_EXCEEDED.status()).isEqualTo(413);
        assertThat(ErrorCode.UNSUPPORTED_MEDIA_TYPE.status()).isEqualTo(415);
        for (ErrorCode code : new ErrorCode[] {ErrorCode.UNKNOWN_OP, ErrorCode.CYCLE, ErrorCode.SHAPE_MISMATCH,
                ErrorCode.UNKNOWN_NAME, ErrorCode.SYNTAX, ErrorCode.MISSING_INPUT, ErrorCode.NOT_SCALAR}) {
            assertThat(code.status()).as(code.name()).isEqualTo(422);
        }
    }
}
