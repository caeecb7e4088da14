package dev.wareg.cloudapi;

import dev.wareg.platform.defaults.HmacSignature;
import dev.wareg.platform.defaults.HmacSignature.Verdict;
import dev.wareg.platform.defaults.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook (https://developers.facebook.com/docs/graph-api/webhooks/getting-started). The body is taken as
 * raw bytes, since the signature covers exactly those, and nothing parses it before the signature is checked. The
 * request body limit ({@code RequestBodyLimit}, registered for this path) has refused oversized bodies before.
 */
@RestController
@RequestMapping(CloudApiConfiguration.WEBHOOK_PATH)
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final byte[] verifyToken;
    private final HmacSignature signature;
    private final InboundMessages inbound;
    private final WebhookMetrics metrics;
    private final JsonMapper json;

    WebhookController(CloudApiProperties properties, InboundMessages inbound, WebhookMetrics metrics, JsonMapper json) {
        this.verifyToken = properties.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.signature = new HmacSignature(properties.appSecret());
        this.inbound = inbound;
        this.metrics = metrics;
        this.json = json;
    }

    /** The subscription handshake: Meta sends the token it was given and expects the challenge back as is. */
    @GetMapping
    ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                             @RequestParam(name = "hub.verify_token", required = false) String token,
                             @RequestParam(name = "hub.challenge", required = false) String challenge) {
        // An unset token matches nothing: an empty one would let anyone subscribe.
        boolean tokenMatches = verifyToken.length > 0 && token != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
            log.warn("Refused a webhook subscription: mode or verify token did not match");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                    "webhook-verification-failed", "Webhook verification failed",
                    "hub.mode must be subscribe and hub.verify_token the configured verify token."));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    /**
     * Answers 200 only once every message of the delivery is on the bus; any failure before that is a 5xx, and
     * Meta delivers again.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signed,
                              HttpServletRequest request) throws IOException {
        // Read here rather than as a @RequestBody: Spring's reading of an empty body declared */* or application/*
        // throws (no wildcard Content-Type), which answered 500 (found by fuzzing). Without @RequestBody the mapping
        // refuses any body not declared JSON, an empty one too, with 415.
        byte[] raw = request.getInputStream().readAllBytes();
        Verdict verdict = signature.verify(signed, raw);
        if (verdict != Verdict.VALID) {
            metrics.rejected(verdict.reason());
            // The body stays out of the log: it carries phone numbers and message text.
            log.warn("Refused a webhook delivery of {} bytes: signature {}", raw.length, verdict.reason());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid-signature", "Invalid signature",
                    "X-Hub-Signature-256 must be sha256= and the hex HMAC-SHA256 of the body with the app secret."));
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            metrics.rejected("malformed-json");
            log.warn("Refused a signed webhook delivery of {} bytes: not JSON", raw.length);
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                    "Malformed JSON", "The body is not a JSON document."));
        }
        inbound.receive(WebhookPayload.from(root));
        return ResponseEntity.ok().build();
    }
}
