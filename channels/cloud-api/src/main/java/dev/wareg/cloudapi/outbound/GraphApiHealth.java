package dev.wareg.cloudapi.outbound;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Meta still takes the access token. A rejected token (190) stops every send until it is replaced, so it
 * turns the channel's health DOWN and raises {@code wareg.cloud_api.graph.token_rejected} to 1, the metric to alert
 * on. The next accepted call turns both back. Other failures concern one message and leave health alone.
 */
class GraphApiHealth implements HealthIndicator {

    private record State(boolean tokenRejected, Instant since) {
    }

    private final AtomicReference<State> state;
    private final Clock clock;
    private volatile Runnable onRecovery = () -> {
    };

    GraphApiHealth(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.state = new AtomicReference<>(new State(false, clock.instant()));
        Gauge.builder("wareg.cloud_api.graph.token_rejected", state, current -> current.get().tokenRejected() ? 1 : 0)
                .description("1 while Meta rejects the access token (error 190): nothing can be sent")
                .register(registry);
    }

    /** What to do, once, each time a call shows the token works again after it had been rejected. */
    void onRecovery(Runnable action) {
        onRecovery = action;
    }

    /** Records what a call got. */
    void record(GraphResponse response) {
        boolean rejected = response instanceof GraphResponse.Failed failed
                && failed.failure() == GraphResponse.Failure.TOKEN_REJECTED;
        if (!rejected && !(response instanceof GraphResponse.Accepted)) {
            return;
        }
        State before = state.getAndUpdate(current -> current.tokenRejected() == rejected
                ? current : new State(rejected, clock.instant()));
        if (before.tokenRejected() && !rejected) {
            onRecovery.run();
        }
    }

    boolean tokenRejected() {
        return state.get().tokenRejected();
    }

    @Override
    public Health health() {
        State current = state.get();
        return (current.tokenRejected() ? Health.down().withDetail("reason", "access token rejected (190)")
                : Health.up()).withDetail("since", current.since().toString()).build();
    }
}
