package dev.wareg.webchat;

import dev.wareg.fields.RegistrationFields;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Binding a browser to a number: a one-time code is sent to the number ({@link CodeDelivery}), and whoever sends it
 * back gets a session for that number in a cookie ({@link SessionCookie}). Asking for a code answers the same,
 * whether or not the number has an account (the web chat does not even know), so it tells nobody who is registered.
 */
@RestController
@RequestMapping(WebChatConfiguration.API_PATH + "/sessions")
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final OneTimeCodes codes;
    private final CodeRequestLimits limits;
    private final CodeDelivery delivery;
    private final Sessions sessions;
    private final WebChatProperties.CodeDeliveryChannel deliveryChannel;

    SessionController(OneTimeCodes codes, CodeRequestLimits limits, CodeDelivery delivery, Sessions sessions,
                      WebChatProperties properties) {
        this.codes = codes;
        this.limits = limits;
        this.delivery = delivery;
        this.sessions = sessions;
        this.deliveryChannel = properties.codeDelivery();
    }

    record CodeRequest(String from) {
    }

    /**
     * @param delivery     where to look for the code: {@code cloud-api} and {@code whatsapp-web} mean the number's
     *                     WhatsApp, {@code phone-panel} the demo panel on the page
     * @param validSeconds how long the code works
     */
    record CodeSent(String delivery, long validSeconds) {
    }

    record SignIn(String from, String code) {
    }

    /** @param phone the number the session proved, E.164 */
    record SignedIn(String phone) {
    }

    @PostMapping(path = "/codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> sendCode(@RequestBody CodeRequest request, HttpServletRequest http) {
        var invalid = new ArrayList<InvalidRequests.InvalidValue>();
        Optional<String> phone = InvalidRequests.phone("from", request.from(), invalid);
        if (phone.isEmpty()) {
            return InvalidRequests.response(invalid);
        }
        Optional<Duration> wait = limits.acquire(phone.get(), http.getRemoteAddr());
        if (wait.isPresent()) {
            log.info("Web chat code refused for {}: too many requests",
                    RegistrationFields.PHONE.mask().apply(phone.get()));
            return SessionProblems.tooManyCodeRequests(wait.get());
        }
        String code = codes.issue(phone.get());
        delivery.deliver(phone.get(), code, codes.validity());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new CodeSent(deliveryChannel.value(), codes.validity().toSeconds()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(@RequestBody SignIn request, HttpServletRequest http) {
        var invalid = new ArrayList<InvalidRequests.InvalidValue>();
        Optional<String> phone = InvalidRequests.phone("from", request.from(), invalid);
        if (phone.isEmpty()) {
            return InvalidRequests.response(invalid);
        }
        if (!codes.redeem(phone.get(), request.code())) {
            log.info("Web chat sign-in refused for {}: wrong, expired or used code",
                    RegistrationFields.PHONE.mask().apply(phone.get()));
            return SessionProblems.invalidCode();
        }
        sessions.close(SessionCookie.read(http));
        String session = sessions.open(phone.get());
        log.info("Web chat session opened for {}", RegistrationFields.PHONE.mask().apply(phone.get()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(session, http.isSecure()).toString())
                .body(new SignedIn(phone.get()));
    }

    /** Which number this browser is signed in as, so a page opened again skips the code. */
    @GetMapping("/current")
    ResponseEntity<?> current(HttpServletRequest http) {
        return sessions.use(SessionCookie.read(http))
                .<ResponseEntity<?>>map(phone -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(new SignedIn(phone)))
                .orElseGet(SessionProblems::sessionRequired);
    }

    /** Logging out: the session ends here, and the browser is told to drop the cookie. Idempotent. */
    @DeleteMapping
    ResponseEntity<Void> signOut(HttpServletRequest http) {
        sessions.close(SessionCookie.read(http));
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(http.isSecure()).toString())
                .build();
    }
}
