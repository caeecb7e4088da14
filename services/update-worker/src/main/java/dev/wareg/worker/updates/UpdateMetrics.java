package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes of update and erasure requests, counted where they are decided. The chat counts the requests (and the
 * conversations completed), this worker what became of them: a sum over services counts each once. Every name is
 * here; docs/operations.md says what each means. Tags come from closed sets (the form, the reason codes).
 */
class UpdateMetrics {

    static final String APPLIED = "wareg.worker.updates.applied";
    static final String REJECTED = "wareg.worker.updates.rejected";
    static final String RETRIES = "wareg.worker.updates.retries";
    static final String ERASURES_APPLIED = "wareg.worker.erasures.applied";
    static final String ERASURES_REJECTED = "wareg.worker.erasures.rejected";

    private static final String REGISTRATION = "registration";
    private static final String UPDATE = "update";

    private final MeterRegistry registry;

    /**
     * Registers every count at zero: a series that appears with its first increment hides it from {@code rate()}
     * and {@code increase()}. The forms and reason codes are closed sets.
     */
    UpdateMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String form : List.of(REGISTRATION, UPDATE)) {
            applied(form);
            for (ReasonCode reason : ReasonCode.values()) {
                rejected(form, reason);
            }
        }
        retries();
        erasuresApplied();
        for (ReasonCode reason : ReasonCode.values()) {
            erasuresRejected(reason);
        }
    }

    void applied(RegistrationUpdateRequested request) {
        applied(form(request)).increment();
    }

    void rejected(RegistrationUpdateRequested request, ReasonCode reason) {
        rejected(form(request), reason).increment();
    }

    /** An erasure asked in a conversation that account-api carried out (announced by account-api itself). */
    void erased() {
        erasuresApplied().increment();
    }

    void erasureRejected(ReasonCode reason) {
        erasuresRejected(reason).increment();
    }

    /** A call to account-api that failed in a way worth trying again, and was. */
    void retried() {
        retries().increment();
    }

    private Counter applied(String form) {
        return Counter.builder(APPLIED).description("Update requests account-api applied")
                .tag("form", form).register(registry);
    }

    private Counter rejected(String form, ReasonCode reason) {
        return Counter.builder(REJECTED).description("Update requests rejected, by reason code")
                .tag("form", form).tag("reason", tag(reason))
                .register(registry);
    }

    private Counter erasuresApplied() {
        return Counter.builder(ERASURES_APPLIED).description("Erasure requests account-api carried out")
                .register(registry);
    }

    private Counter erasuresRejected(ReasonCode reason) {
        return Counter.builder(ERASURES_REJECTED).description("Erasure requests rejected, by reason code")
                .tag("reason", tag(reason)).register(registry);
    }

    private Counter retries() {
        return Counter.builder(RETRIES).description("Calls to account-api tried again after a transient failure")
                .register(registry);
    }

    private static String tag(ReasonCode reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String form(RegistrationUpdateRequested request) {
        return request.isRegistration() ? REGISTRATION : UPDATE;
    }
}
