package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HandoffStore} does, whatever keeps the entries. Each adapter's tests extend this and say how to
 * make an empty store.
 */
abstract class HandoffStoreContract {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration MAX_AGE = Duration.ofHours(24);
    static final String PHONE = "+5511987654321";

    HandoffStore store;

    /** An empty store whose entries live (in the store's own terms) for {@link #MAX_AGE}. */
    abstract HandoffStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    static Handoff request(String channel, String conversationId, Instant at) {
        return Handoff.waiting(UUID.randomUUID(), channel, conversationId, "pt-BR", at);
    }

    @Test
    void waitingEntriesComeOldestFirst() {
        Handoff second = request("web-chat", PHONE, NOW.plusSeconds(60));
        Handoff first = request("cloud-api", "5521912345678", NOW);
        Handoff third = request("whatsapp-web", "5531988887777", NOW.plusSeconds(120));

        assertThat(List.of(store.add(second), store.add(first), store.add(third)))
                .containsOnly(HandoffStore.Added.ADDED);

        assertThat(store.waiting()).containsExactly(first, second, third);
    }

    @Test
    void theSameRequestAgainAddsNothing() {
        Handoff request = request("web-chat", PHONE, NOW);
        store.add(request);

        assertThat(store.add(request)).isEqualTo(HandoffStore.Added.DUPLICATE);
        assertThat(store.waiting()).containsExactly(request);
    }

    @Test
    void aPersonWaitsOnceAndKeepsTheFirstRequestsTime() {
        Handoff first = request("web-chat", PHONE, NOW);
        store.add(first);

        assertThat(store.add(request("web-chat", PHONE, NOW.plusSeconds(300))))
                .isEqualTo(HandoffStore.Added.ALREADY_WAITING);
        assertThat(store.waiting()).containsExactly(first);
    }

    @Test
    void theSameIdOnAnotherChannelIsAnotherPerson() {
        store.add(request("web-chat", PHONE, NOW));

        assertThat(store.add(request("cloud-api", PHONE, NOW))).isEqualTo(HandoffStore.Added.ADDED);
        assertThat(store.waiting()).hasSize(2);
    }

    @Test
    void aClaimTakesTheEntryOutOfTheWaitingListOnce() {
        Handoff request = request("web-chat", PHONE, NOW);
        store.add(request);
        Instant at = NOW.plusSeconds(90);

        assertThat(store.claim(request.id(), at, "staff-ana"))
                .isEqualTo(new HandoffStore.Claim.Claimed(request.claimed(at, "staff-ana")));
        assertThat(store.waiting()).isEmpty();
        assertThat(store.claim(request.id(), at.plusSeconds(1), "staff-bia"))
                .isEqualTo(new HandoffStore.Claim.AlreadyClaimed(request.claimed(at, "staff-ana")));
        assertThat(store.claim(UUID.randomUUID(), at, "staff-ana")).isEqualTo(new HandoffStore.Claim.Unknown());
    }

    @Test
    void aClaimedRequestRedeliveredStaysClaimedAndThePersonMayAskAgain() {
        Handoff request = request("web-chat", PHONE, NOW);
        store.add(request);
        store.claim(request.id(), NOW.plusSeconds(90), "staff-ana");

        assertThat(store.add(request)).isEqualTo(HandoffStore.Added.DUPLICATE);
        assertThat(store.waiting()).isEmpty();

        Handoff again = request("web-chat", PHONE, NOW.plusSeconds(600));
        assertThat(store.add(again)).isEqualTo(HandoffStore.Added.ADDED);
        assertThat(store.waiting()).containsExactly(again);
    }

    @Test
    void droppingOldEntriesCountsTheWaitingOnesAndForgetsClaimedOnesToo() {
        Handoff oldWaiting = request("web-chat", PHONE, NOW);
        Handoff oldClaimed = request("cloud-api", "5521912345678", NOW.plusSeconds(10));
        Handoff recent = request("whatsapp-web", "5531988887777", NOW.plusSeconds(3600));
        store.add(oldWaiting);
        store.add(oldClaimed);
        store.add(recent);
        store.claim(oldClaimed.id(), NOW.plusSeconds(20), "staff-ana");

        assertThat(store.dropRequestedUpTo(NOW.plusSeconds(10))).isEqualTo(1);

        assertThat(store.waiting()).containsExactly(recent);
        assertThat(store.claim(oldClaimed.id(), NOW.plusSeconds(30), "x")).isEqualTo(new HandoffStore.Claim.Unknown());
        assertThat(store.claim(oldWaiting.id(), NOW.plusSeconds(30), "x")).isEqualTo(new HandoffStore.Claim.Unknown());
        assertThat(store.dropRequestedUpTo(NOW.plusSeconds(10))).isZero();
        Handoff again = request("web-chat", PHONE, NOW.plusSeconds(4000));
        assertThat(store.add(again)).isEqualTo(HandoffStore.Added.ADDED);
    }

    @Test
    void anErasureDeletesThePersonsEntriesWaitingAndClaimedOnEveryChannel() {
        Handoff waiting = request("web-chat", PHONE, NOW);
        Handoff claimed = request("whatsapp-web", "551187654321", NOW.plusSeconds(5));
        Handoff someoneElse = request("cloud-api", "5521912345678", NOW.plusSeconds(10));
        store.add(waiting);
        store.add(claimed);
        store.add(someoneElse);
        store.claim(claimed.id(), NOW.plusSeconds(20), "staff-ana");

        assertThat(store.erase(Set.of(PHONE, "5511987654321", "+551187654321", "551187654321"))).isEqualTo(2);

        assertThat(store.waiting()).containsExactly(someoneElse);
        assertThat(store.claim(claimed.id(), NOW.plusSeconds(30), "x")).isEqualTo(new HandoffStore.Claim.Unknown());
        assertThat(store.erase(Set.of(PHONE))).isZero();
        assertThat(store.add(request("web-chat", PHONE, NOW.plusSeconds(40)))).isEqualTo(HandoffStore.Added.ADDED);
    }
}
