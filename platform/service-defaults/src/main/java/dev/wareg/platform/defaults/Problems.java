package dev.wareg.platform.defaults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with stable {@code type} URIs. The types are relative references
 * ({@code /problems/account-not-found}), resolved against the service that answered; clients switch on them.
 */
public final class Problems {

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** Writes a problem from a servlet filter, where Spring MVC's exception handling does not reach. */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
            JsonMapper json) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
