package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes of update requests, counted where they are decided. The chat counts the requests (and the
 * conversations completed), this worker what became of them: a sum over services counts each once. Every name is
 * here; docs/operations.md says what each means. Tags come from closed sets (the form, the reason codes).
 */
class UpdateMetrics {

    static final String APPLIED = "wareg.worker.updates.applied";
    static final String REJECTED = "wareg.worker.updates.rejected";
    static final String RETRIES = "wareg.worker.updates.retries";

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
    }

    void applied(RegistrationUpdateRequested request) {
        applied(form(request)).increment();
    }

    void rejected(RegistrationUpdateRequested request, ReasonCode reason) {
        rejected(form(request), reason).increment();
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
                .tag("form", form).tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry);
    }

    private Counter retries() {
        return Counter.builder(RETRIES).description("Calls to account-api tried again after a transient failure")
                .register(registry);
    }

    private static String form(RegistrationUpdateRequested request) {
        return request.isRegistration() ? REGISTRATION : UPDATE;
    }
}
