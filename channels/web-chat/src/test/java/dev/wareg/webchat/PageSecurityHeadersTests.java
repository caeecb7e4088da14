package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class PageSecurityHeadersTests {

    @RestController
    static class Page {

        @GetMapping("/")
        String page() {
            return "<!doctype html>";
        }
    }

    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Page())
            .addFilters(new PageSecurityHeaders()).build());

    @Test
    void thePageRunsOnlyItsOwnScriptsAndIsNeverFramedSniffedOrReferred() {
        assertThat(mvc.get().uri("/")).hasStatusOk()
                .headers()
                .hasValue("Content-Security-Policy", PageSecurityHeaders.CONTENT_SECURITY_POLICY)
                .hasValue("X-Frame-Options", "DENY")
                .hasValue("X-Content-Type-Options", "nosniff")
                .hasValue("Referrer-Policy", "no-referrer");
        assertThat(PageSecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe");
    }
}
