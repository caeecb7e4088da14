package dev.wareg.cloudapi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.cloudapi.outbound.GraphResponse.Failure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphResponseTests {

    @ParameterizedTest(name = "HTTP {0}, code {1}: {2}")
    @CsvSource({
            "400, 130429, RATE_LIMITED",
            "400, 80007, RATE_LIMITED",
            "400, 4, RATE_LIMITED",
            "429, 0, RATE_LIMITED",
            "400, 131056, PAIR_RATE_LIMITED",
            "400, 131047, OUTSIDE_WINDOW",
            "400, 131026, UNDELIVERABLE",
            "401, 190, TOKEN_REJECTED",
            "401, 0, TOKEN_REJECTED",
            "500, 131000, TRANSIENT",
            "503, 0, TRANSIENT",
            "502, 0, TRANSIENT",
            "0, 0, TRANSIENT",
            "400, 2, TRANSIENT",
            "400, 100, REFUSED",
            "400, 131009, REFUSED",
            "404, 0, REFUSED"})
    void eachGraphErrorLeadsToWhatTheChannelDoesAboutIt(int httpStatus, int code, Failure expected) {
        var failed = new GraphResponse.Failed(httpStatus, code);

        assertThat(failed.failure()).isEqualTo(expected);
        assertThat(failed.reason()).isEqualTo(expected.tag + " (HTTP " + httpStatus + ", code " + code + ")");
    }
}
