package dev.wareg.bench.webhook;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline the webhook figures are compared with: the same signed delivery posted through the same Tomcat,
 * servlet filters and JVM, read as bytes the way the webhook reads it, and answered 200 with no body, as the
 * webhook answers; but no signature check, no JSON, no Redis and no broker.
 */
@RestController
class PingController {

    @PostMapping("/ping")
    ResponseEntity<Void> ping(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.ok().build();
    }
}
