package dev.wareg.platform.defaults;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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
}
