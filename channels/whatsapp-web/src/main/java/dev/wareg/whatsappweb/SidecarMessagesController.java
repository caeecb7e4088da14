package dev.wareg.whatsappweb;

import dev.wareg.platform.defaults.HmacSignature;
import dev.wareg.platform.defaults.HmacSignature.Verdict;
import dev.wareg.platform.defaults.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /whatsapp-web/messages}: what the sidecar forwards, one message per request (the contract in {@code
 * docs/channels.md}). The body is taken as raw bytes, since the signature covers exactly those, and nothing parses
 * it before the signature is checked. The request body limit ({@code RequestBodyLimit}, registered for this path)
 * has refused oversized bodies before, and Spring MVC refuses a body that is not {@code application/json} (415).
 */
@RestController
class SidecarMessagesController {

    private static final Logger log = LoggerFactory.getLogger(SidecarMessagesController.class);

    private final HmacSignature signature;
    private final InboundMessages inbound;
    private final InboundMetrics metrics;
    private final JsonMapper json;

    SidecarMessagesController(WhatsAppWebProperties properties, InboundMessages inbound, InboundMetrics metrics,
                              JsonMapper json) {
        this.signature = new HmacSignature(properties.secret());
        this.inbound = inbound;
        this.metrics = metrics;
        this.json = json;
    }

    /** Answers 200 only once the message is on the bus (or was already); anything else makes the sidecar retry. */
    @PostMapping(path = WhatsAppWebConfiguration.MESSAGES_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestHeader(name = WhatsAppWebConfiguration.SIGNATURE_HEADER, required = false)
                              String signed, HttpServletRequest request) throws IOException {
        // Read here rather than as a @RequestBody: Spring's reading of an empty body declared */* or application/*
        // throws (no wildcard Content-Type), which answered 500 (found by fuzzing). Without @RequestBody the mapping
        // refuses any body not declared JSON, an empty one too, with 415.
        byte[] raw = request.getInputStream().readAllBytes();
        Verdict verdict = signature.verify(signed, raw);
        if (verdict != Verdict.VALID) {
            metrics.rejected(verdict.reason());
            // The body stays out of the log: it carries phone numbers and message text.
            log.warn("Refused a message from the sidecar of {} bytes: signature {}", raw.length, verdict.reason());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid-signature", "Invalid signature", WhatsAppWebConfiguration.SIGNATURE_HEADER
                            + " must be sha256= and the hex HMAC-SHA256 of the body with the shared secret."));
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            return invalid("malformed-json", "Malformed JSON", "The body is not a JSON document.");
        }
        SidecarMessage message;
        try {
            message = SidecarMessage.from(root);
        } catch (SidecarMessage.InvalidShape e) {
            return invalid("invalid-shape", "Not a WhatsApp Web message", e.getMessage() + ".");
        }
        var outcome = inbound.receive(message);
        return ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase(Locale.ROOT)));
    }

    private ResponseEntity<?> invalid(String reason, String title, String detail) {
        metrics.rejected(reason);
        log.warn("Refused a signed message from the sidecar: {}", reason);
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, reason, title, detail));
    }
}
