package dev.wareg.platform.defaults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request for Boot's error path ({@code server.error.path}, {@code /error}) itself is answered 404, as for any path
 * without a resource. Boot's error controller only renders the error of another request, forwarded to it by the
 * container; asked directly it finds no error and answers 500, a server error anyone could provoke (found by
 * fuzzing, docs/security.md). Registered for requests only, so the container's error dispatches still reach it.
 */
final class ErrorPathNotFound extends OncePerRequestFilter {

    private final String errorPath;
    private final JsonMapper json;

    ErrorPathNotFound(String errorPath, JsonMapper json) {
        this.errorPath = errorPath;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The servlet path is decoded and normalised, without path parameters: /%65rror, /x/../error and /error;a=b
        // are the error path too.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(errorPath) || path.equals(errorPath + "/")) {
            Problems.write(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "There is nothing at this path."), request, response, json);
            return;
        }
        chain.doFilter(request, response);
    }
}
