package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.testsupport.PersonalData;
import dev.wareg.testsupport.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The staff queue as its events and staff drive it, on a settable clock and the in-memory store. */
@ExtendWith(OutputCaptureExtension.class)
class StaffQueueTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String PHONE = "+5531988887777";

    private final SettableClock clock = new SettableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<Class<?>, EventHandler<?>> subscribed = new LinkedHashMap<>();
    private final List<String> subscribers = new ArrayList<>();
    private final EventBus bus = new EventBus() {
        @Override
        public void publish(IntegrationEvent event) {
            throw new AssertionError("the staff queue publishes nothing");
        }

        @Override
        public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
            subscribers.add(subscriber);
            subscribed.put(type, handler);
        }
    };
    private StaffQueue queue;

    @BeforeEach
    void start() {
        queue = new StaffQueue(new InMemoryHandoffStore(), bus, clock,
                new StaffQueueProperties(Duration.ofHours(24), "chat-service", java.util.Map.of()), new HandoffMetrics(registry, clock));
        queue.afterSingletonsInstantiated();
    }

    @Test
    void subscribesAsStaffQueueToErasuresAndThenToRequests() {
        assertThat(subscribers).containsOnly(StaffQueue.SUBSCRIBER).isNotEmpty();
        assertThat(StaffQueue.SUBSCRIBER).isEqualTo("staff-queue");
        assertThat(subscribed.keySet()).containsExactly(AccountErased.class, HandoffRequested.class);
    }

    @Test
    void aRequestWaitsUnderItsEventIdFromTheTimeThePersonAsked() throws Exception {
        var request = requested("web-chat", PHONE, NOW.minusSeconds(5));
        deliver(request);

        assertThat(queue.waiting()).containsExactly(
                Handoff.waiting(request.eventId(), "web-chat", PHONE, "pt-BR", NOW.minusSeconds(5)));
        assertThat(counter("wareg.handoffs.requested")).isEqualTo(1);
    }

    @Test
    void aRedeliveryAndASecondRequestWhileWaitingAddNothing() throws Exception {
        var first = requested("web-chat", PHONE, NOW);
        deliver(first);
        clock.advance(Duration.ofMinutes(3));
        deliver(first);
        deliver(requested("web-chat", PHONE, clock.instant()));

        assertThat(queue.waiting()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(first.eventId());
            assertThat(entry.requestedAt()).isEqualTo(NOW);
        });
        assertThat(counter("wareg.handoffs.requested")).isEqualTo(1);
    }

    @Test
    void aClaimTakesThePersonOutOfTheWaitingListAndIsCounted() throws Exception {
        var request = requested("web-chat", PHONE, NOW);
        deliver(request);
        clock.advance(Duration.ofMinutes(2));

        assertThat(queue.claim(request.eventId(), "staff-ana")).isEqualTo(new HandoffStore.Claim.Claimed(
                Handoff.waiting(request.eventId(), "web-chat", PHONE, "pt-BR", NOW)
                        .claimed(NOW.plus(Duration.ofMinutes(2)), "staff-ana")));
        assertThat(queue.claim(request.eventId(), "staff-bia"))
                .isInstanceOf(HandoffStore.Claim.AlreadyClaimed.class);
        assertThat(queue.claim(UUID.randomUUID(), "staff-bia")).isEqualTo(new HandoffStore.Claim.Unknown());
        deliver(request);

        assertThat(queue.waiting()).isEmpty();
        assertThat(counter("wareg.handoffs.claimed")).isEqualTo(1);
    }

    @Test
    void requestsOlderThanTheMaximumAgeAreDroppedAndCounted() throws Exception {
        deliver(requested("web-chat", PHONE, NOW));
        deliver(requested("cloud-api", "+5521912345678", NOW.plus(Duration.ofHours(1))));

        clock.advance(Duration.ofHours(24));
        queue.refresh();

        assertThat(queue.waiting()).singleElement()
                .satisfies(entry -> assertThat(entry.conversationId()).isEqualTo("+5521912345678"));
        assertThat(counter("wareg.handoffs.expired")).isEqualTo(1);

        deliver(requested("whatsapp-web", "5511987654321", clock.instant().minus(Duration.ofHours(25))));
        assertThat(queue.waiting()).hasSize(1);
        assertThat(counter("wareg.handoffs.expired")).isEqualTo(2);
    }

    @Test
    void anErasureRemovesThePersonUnderEveryFormOfTheNumberAndNoOneElse() throws Exception {
        deliver(requested("web-chat", PHONE, NOW));
        var claimed = requested("whatsapp-web", "553188887777", NOW.plusSeconds(1));
        deliver(claimed);
        queue.claim(claimed.eventId(), "staff-ana");
        deliver(requested("cloud-api", "5531988887777", NOW.plusSeconds(2)));
        deliver(requested("cloud-api", "+5521912345678", NOW.plusSeconds(3)));

        deliver(new AccountErased(UUID.randomUUID(), NOW.plusSeconds(10), null, UUID.randomUUID(), PHONE, null,
                null));

        assertThat(queue.waiting()).singleElement()
                .satisfies(entry -> assertThat(entry.conversationId()).isEqualTo("+5521912345678"));
        assertThat(queue.claim(claimed.eventId(), "staff-bia")).isEqualTo(new HandoffStore.Claim.Unknown());
    }

    @Test
    void anErasureAskedInAConversationRemovesThatConversationsEntryToo() throws Exception {
        deliver(requested("whatsapp-web", "1234567890@lid", NOW));

        deliver(new AccountErased(UUID.randomUUID(), NOW.plusSeconds(10), UUID.randomUUID(), UUID.randomUUID(), PHONE,
                "whatsapp-web", "1234567890@lid"));

        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void theGaugesShowWhoWaitsAndHowLongTheFirstHasWaited() throws Exception {
        assertThat(gauge("wareg.handoffs.waiting")).isZero();
        assertThat(gauge("wareg.handoffs.oldest.wait")).isZero();
        assertThat(registry.get("wareg.handoffs.oldest.wait").gauge().getId().getBaseUnit()).isEqualTo("seconds");

        deliver(requested("web-chat", PHONE, NOW));
        clock.advance(Duration.ofMinutes(1));
        var second = requested("cloud-api", "+5521912345678", clock.instant());
        deliver(second);
        clock.advance(Duration.ofMinutes(15));

        assertThat(gauge("wareg.handoffs.waiting")).isEqualTo(2);
        assertThat(gauge("wareg.handoffs.oldest.wait")).isEqualTo(16 * 60);

        queue.claim(queue.waiting().getFirst().id(), "staff-ana");

        assertThat(gauge("wareg.handoffs.waiting")).isEqualTo(1);
        assertThat(gauge("wareg.handoffs.oldest.wait")).isEqualTo(15 * 60);
    }

    @Test
    void theLogNamesIdsOnly(CapturedOutput output) throws Exception {
        var request = requested("web-chat", PHONE, NOW);
        deliver(request);
        deliver(request);
        deliver(requested("web-chat", PHONE, NOW.plusSeconds(1)));
        queue.claim(request.eventId(), "staff-ana@example.com");
        clock.advance(Duration.ofDays(2));
        deliver(requested("cloud-api", "5531988887777", NOW));
        deliver(new AccountErased(UUID.randomUUID(), clock.instant(), null, UUID.randomUUID(), PHONE, null, null));

        assertThat(output.getAll()).contains(request.eventId().toString());
        assertThat(PersonalData.patternsAnd(List.of("staff-ana")).findIn(output.getAll())).isEmpty();
    }

    private static HandoffRequested requested(String channel, String conversationId, Instant at) {
        return new HandoffRequested(UUID.randomUUID(), at, channel, conversationId, "pt-BR");
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> void deliver(E event) throws Exception {
        ((EventHandler<E>) subscribed.get(event.getClass())).handle(event);
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
