package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final MeterRegistry registry;

    UpdateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(RegistrationUpdateRequested request) {
        Counter.builder(APPLIED).description("Update requests account-api applied")
                .tag("form", form(request)).register(registry).increment();
    }

    void rejected(RegistrationUpdateRequested request, ReasonCode reason) {
        Counter.builder(REJECTED).description("Update requests rejected, by reason code")
                .tag("form", form(request))
                .tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
    }

    /** A call to account-api that failed in a way worth trying again, and was. */
    void retried() {
        Counter.builder(RETRIES).description("Calls to account-api tried again after a transient failure")
                .register(registry).increment();
    }

    private static String form(RegistrationUpdateRequested request) {
        return request.isRegistration() ? "registration" : "update";
    }
}
