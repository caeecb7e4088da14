package dev.wareg.platform.defaults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every response tells the browser, whatever serves it (APIs, health, metrics, problem responses, error pages):
 * load nothing and run nothing ({@link #API_POLICY}), never inside a frame, no content-type guessing, and no address
 * passed on as a referrer (OWASP ASVS 14.4.3 to 14.4.7; HSTS is the TLS proxy's). The headers are set before the
 * request goes on, so a filter or controller that serves a real page sets its own policy over them: the web chat's
 * page does ({@code PageSecurityHeaders}), and Swagger UI, where served (the profile dev), gets {@link #DOCS_POLICY}.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    /** For anything that is not a page: JSON, text, problem responses. */
    static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /**
     * Swagger UI loads its own scripts and styles (no inline script: its index.html and swagger-initializer.js are
     * files) but sets style attributes from script, hence {@code 'unsafe-inline'} for styles only; its icons are
     * {@code data:} images, and it fetches the OpenAPI document from this origin.
     */
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final List<String> docsPaths;

    /** @param docsPaths where Swagger UI is served: its path ({@code springdoc.swagger-ui.path}) and its files */
    SecurityHeaders(List<String> docsPaths) {
        this.docsPaths = List.copyOf(docsPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean docs = docsPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        response.setHeader("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }

    // An error page rendered after a failure is a response too.
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
