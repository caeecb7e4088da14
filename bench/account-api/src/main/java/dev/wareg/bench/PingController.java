package dev.wareg.bench;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline the account-api figures are compared with: the cheapest answer Spring MVC gives, through the same
 * Tomcat, servlet filters and JVM, but with no token to verify, no database and no JSON. Outside {@code /v1}, so
 * account-api's security chain does not apply.
 */
@RestController
class PingController {

    @GetMapping(path = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }
}
