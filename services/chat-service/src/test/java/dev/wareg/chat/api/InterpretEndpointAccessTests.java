package dev.wareg.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Who {@code POST /api/interpret} answers: loopback callers without a token, holders of the token with one. */
class InterpretEndpointAccessTests {

    private static final String TOKEN = "a-token-of-sixteen-or-more";

    @RestController
    static class Endpoint {

        @PostMapping(InterpretEndpointConfiguration.PATH)
        String interpret() {
            return "{}";
        }
    }

    private static MockMvcTester endpoint(String token) {
        return MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Endpoint())
                .addFilters(new InterpretEndpointAccess(token, JsonMapper.builder().build())).build());
    }

    private static MvcTestResult call(MockMvcTester mvc, String from, String authorization) {
        RequestPostProcessor address = request -> {
            request.setRemoteAddr(from);
            return request;
        };
        var request = mvc.post().uri(InterpretEndpointConfiguration.PATH).with(address)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"oi\"}");
        return (authorization == null ? request : request.header("Authorization", authorization)).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void withoutATokenACallerOnThisMachineIsAnswered(String loopback) {
        assertThat(call(endpoint(""), loopback, null)).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "10.0.0.5", "192.168.1.20", "2001:db8::1", "::ffff:203.0.113.7",
            "localhost", ""})
    void withoutATokenAnyoneElseIsForbiddenWithAProblem(String elsewhere) {
        var refused = call(endpoint(""), elsewhere, "Bearer " + TOKEN);

        assertThat(refused).hasStatus(403).hasContentType("application/problem+json");
        assertThat(refused).bodyText().contains("/problems/forbidden", "wareg.chat.interpret-endpoint.token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "203.0.113.7", "2001:db8::1"})
    void withATokenWhoeverSendsItIsAnsweredFromAnywhere(String from) {
        assertThat(call(endpoint(TOKEN), from, "Bearer " + TOKEN)).hasStatusOk();
        assertThat(call(endpoint(TOKEN), from, "bearer " + TOKEN)).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic YTpi", TOKEN, "Bearer " + TOKEN + "x",
            "Bearer a-token-of-sixteen-or-mor", "Bearer A-TOKEN-OF-SIXTEEN-OR-MORE", "Bearer  x" + TOKEN})
    void withATokenAnyOtherAuthorizationIsUnauthenticatedEvenOnThisMachine(String authorization) {
        var refused = call(endpoint(TOKEN), "127.0.0.1", authorization.isEmpty() ? null : authorization);

        assertThat(refused).hasStatus(401).hasContentType("application/problem+json")
                .hasHeader("WWW-Authenticate", "Bearer");
        assertThat(refused).bodyText().contains("/problems/unauthenticated").doesNotContain(TOKEN);
    }

    @Test
    void onlyAnAddressLiteralCanBeLoopbackSoNothingIsResolved() {
        assertThat(InterpretEndpointAccess.isLoopback("127.0.0.1")).isTrue();
        assertThat(InterpretEndpointAccess.isLoopback("localhost")).isFalse();
        assertThat(InterpretEndpointAccess.isLoopback("127.0.0.1.example.com")).isFalse();
        assertThat(InterpretEndpointAccess.isLoopback(null)).isFalse();
    }
}
