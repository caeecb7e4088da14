package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every response says: load and run nothing, never frame, never sniff, never refer; Swagger UI may run itself. */
class SecurityHeadersTests {

    @RestController
    static class Service {

        @GetMapping("/health")
        String health() {
            return "{\"status\":\"UP\"}";
        }

        @PostMapping("/api/fails")
        void fails(HttpServletResponse response) throws Exception {
            response.sendError(400);
        }

        @GetMapping({"/swagger", "/swagger-ui/index.html"})
        String docs() {
            return "<!doctype html>";
        }

        @GetMapping("/swaggerish")
        String notTheDocs() {
            return "{}";
        }
    }

    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Service())
            .addFilters(new SecurityHeaders(List.of("/swagger", "/swagger-ui"))).build());

    @Test
    void anyResponseLoadsNothingAndIsNeverFramedSniffedOrReferred() {
        for (var response : List.of(mvc.get().uri("/health").exchange(), mvc.post().uri("/api/fails").exchange(),
                mvc.get().uri("/no/such/path").exchange(), mvc.get().uri("/swaggerish").exchange())) {
            assertThat(response).headers()
                    .hasValue("Content-Security-Policy", SecurityHeaders.API_POLICY)
                    .hasValue("X-Frame-Options", "DENY")
                    .hasValue("X-Content-Type-Options", "nosniff")
                    .hasValue("Referrer-Policy", "no-referrer");
        }
        assertThat(SecurityHeaders.API_POLICY).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
    }

    @Test
    void swaggerUiRunsItsOwnScriptsOnlyAndIsNeverFramedEither() {
        for (String path : List.of("/swagger", "/swagger-ui/index.html")) {
            assertThat(mvc.get().uri(path)).hasStatusOk().headers()
                    .hasValue("Content-Security-Policy", SecurityHeaders.DOCS_POLICY)
                    .hasValue("X-Frame-Options", "DENY")
                    .hasValue("X-Content-Type-Options", "nosniff")
                    .hasValue("Referrer-Policy", "no-referrer");
        }
        assertThat(SecurityHeaders.DOCS_POLICY).contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*unsafe-inline");
    }

    @Test
    void aPageServedBehindItSetsItsOwnPolicy() {
        OncePerRequestFilter page = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws IOException, ServletException {
                response.setHeader("Content-Security-Policy", "default-src 'self'");
                chain.doFilter(request, response);
            }
        };
        var withPage = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Service())
                .addFilters(new SecurityHeaders(List.of("/swagger")), page).build());

        assertThat(withPage.get().uri("/health")).headers()
                .hasValue("Content-Security-Policy", "default-src 'self'")
                .hasValue("X-Frame-Options", "DENY");
    }
}
