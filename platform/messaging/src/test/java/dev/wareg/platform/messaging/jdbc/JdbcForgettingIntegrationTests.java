package dev.wareg.platform.messaging.jdbc;

import static dev.wareg.platform.messaging.EventBusContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.testsupport.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JDBC bus keeps nobody's data indefinitely: a person's events go when their account is erased, handled events
 * lose their payload at once, and dead letters, pending deliveries and absent subscribers have a retention.
 */
class JdbcForgettingIntegrationTests {

    private static final String PHONE = "+5511987654321";
    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-0000000000e1");
    private static final String OTHER = "5521999990000";

    private final TestBuses buses = new TestBuses();

    @AfterEach
    void close() {
        buses.close();
    }

    @Test
    void anErasureForgetsEveryEventAboutThePersonInAnyFormButNotOthersNorWhatFollowsIt() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.bus(database, 1);
        bus.forgetErasedPeople();
        List<String> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            if (event.text().equals("poison")) {
                throw new IllegalStateException("cannot handle");
            }
            handled.add(event.text());
        });
        // Subscribers that are not running: their deliveries stay pending.
        JdbcEventBus absent = buses.bus(database, 1);
        absent.subscribe("cloud-api", SendMessage.class, event -> { });
        absent.subscribe("update-worker", RegistrationUpdateRequested.class, event -> { });
        bus.start();

        bus.publish(received("5511987654321", "meu cpf é 529.982.247-25"));
        bus.publish(received("551187654321", "poison"));
        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "whatsapp-web", "5511987654321@s.whatsapp.net",
                "Maria, confirma?", List.of()));
        bus.publish(new RegistrationUpdateRequested(UUID.randomUUID(), Instant.now(), ACCOUNT, "web-chat-7f3a",
                Map.of("email", new FieldChange("maria@antigo.com.br", "maria@novo.com.br")), 3L, "web-chat",
                "web-chat-7f3a"));
        bus.publish(received(OTHER, "oi"));
        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", OTHER, "Olá, João", List.of()));
        awaitUntil(() -> handled.size() == 2 && !bus.list("chat", 10).isEmpty());

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, PHONE, null, null));
        awaitUntil(() -> pendingOf(database, JdbcEventBus.FORGETTING) == 0 && textsHeld(database).stream()
                .noneMatch(text -> text.contains("87654321")));

        assertThat(bus.list("chat", 10)).as("the person's dead letter").isEmpty();
        assertThat(textsHeld(database)).as("the other person's pending message stays").singleElement().asString()
                .contains("Olá, João");
        assertThat(textsHeld(database)).noneMatch(text -> text.contains("maria@"));

        SendMessage goodbye = new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", "5511987654321",
                "Seus dados foram apagados.", List.of());
        bus.publish(goodbye);
        assertThat(textsHeld(database)).as("what follows the erasure is delivered as usual")
                .anyMatch(text -> text.contains("Seus dados foram apagados."));
    }

    @Test
    void withSealedEventsNoCopyOfThePersonsEventsTakenBeforeTheErasureOpensAfterIt() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.sealedBus(database, 1, DeadLetterCounter.NONE);
        bus.forgetErasedPeople();
        buses.sealedBus(database, 1, DeadLetterCounter.NONE).subscribe("cloud-api", SendMessage.class, event -> { });
        bus.start();
        bus.publish(received("551187654321", "meu cpf é 529.982.247-25"));
        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", "5511987654321",
                "Maria, confirma?", List.of()));
        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", OTHER, "Olá, João", List.of()));
        List<String> backup = textsHeld(database);
        assertThat(String.join("\n", backup)).as("a copy of the outbox, as a backup would take it")
                .doesNotContain("529.982").doesNotContain("Maria").doesNotContain("João").doesNotContain("87654321");

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, PHONE, null, null));

        var codec = new EventCodec(new JdbcPersonKeys(database));
        List<String> opened = new ArrayList<>();
        for (String copy : backup) {
            try {
                opened.add(codec.decode(copy.getBytes(StandardCharsets.UTF_8)).event().toString());
            } catch (EventCodec.ForgottenEvent e) {
                // the person's
            }
        }
        assertThat(opened).as("only the other person's event still opens").singleElement().asString()
                .contains("Olá, João");
        assertThat(JdbcClient.create(database).sql("select count(*) from messaging_person_key").query(Long.class)
                .single()).as("the other person's key").isEqualTo(1);
    }

    @Test
    void anErasureAskedInAConversationAlsoForgetsThatConversationsEvents() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.bus(database, 1);
        bus.forgetErasedPeople();
        buses.bus(database, 1).subscribe("chat", MessageReceived.class, event -> { });
        bus.start();
        bus.publish(received("lid-8812", "apagar meus dados"));
        bus.publish(received(OTHER, "oi"));

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), ACCOUNT, PHONE,
                "whatsapp-web", "lid-8812"));

        awaitUntil(() -> textsHeld(database).stream().noneMatch(text -> text.contains("lid-8812")));
        assertThat(textsHeld(database)).singleElement().asString().contains(OTHER);
    }

    @Test
    void anErasureAlsoForgetsTheEventsOfTheSenderIdsLinkedToTheAccount() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.bus(database, 1);
        bus.forgetErasedPeople();
        buses.bus(database, 1).subscribe("chat", MessageReceived.class, event -> { });
        bus.start();
        bus.publish(received("BR.1234567890abcdef", "meu número é 11 98765-4321"));
        bus.publish(received(OTHER, "oi"));

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, PHONE, null, null,
                java.util.List.of("cloud-api:BR.1234567890abcdef")));

        awaitUntil(() -> textsHeld(database).stream().noneMatch(text -> text.contains("BR.1234567890abcdef")));
        assertThat(textsHeld(database)).singleElement().asString().contains(OTHER);
    }

    @Test
    void handledEventsKeepNoPayloadAndDeadLettersPendingDeliveriesAndAbsentSubscribersExpire() throws Exception {
        DataSource database = buses.freshSchema();
        var clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
        var settings = new JdbcMessagingProperties(TestBuses.POLL, 2, Duration.ofHours(1), Duration.ofDays(7),
                Duration.ofDays(3));
        JdbcEventBus bus = buses.bus(database, 1, settings, clock, EventTracing.NONE, DeadLetterCounter.NONE);
        List<String> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            if (event.text().equals("poison")) {
                throw new IllegalStateException("cannot handle");
            }
            handled.add(event.text());
        });
        JdbcEventBus switchedOff = buses.bus(database, 1, settings, clock, EventTracing.NONE, DeadLetterCounter.NONE);
        switchedOff.subscribe("whatsapp-web", SendMessage.class, event -> { });
        bus.start();

        bus.publish(received(OTHER, "handled"));
        bus.publish(received(OTHER, "poison"));
        bus.publish(new SendMessage(UUID.randomUUID(), clock.instant(), "whatsapp-web", OTHER, "never sent", List.of()));
        awaitUntil(() -> handled.contains("handled") && !bus.list("chat", 10).isEmpty());
        assertThat(textsHeld(database)).as("a handled event keeps no payload").hasSize(3)
                .noneMatch(text -> text.contains("handled"));

        clock.advance(Duration.ofDays(3).plusSeconds(1));
        bus.purge();
        assertThat(pendingOf(database, "whatsapp-web")).as("pending past the retention").isZero();
        assertThat(subscribers(database)).as("a subscriber nobody ran for the retention")
                .containsExactlyInAnyOrder("chat");
        bus.publish(new SendMessage(UUID.randomUUID(), clock.instant(), "whatsapp-web", OTHER, "later", List.of()));
        assertThat(pendingOf(database, "whatsapp-web")).as("no longer fanned out to").isZero();
        assertThat(bus.list("chat", 10)).as("a dead letter within its retention").hasSize(1);

        clock.advance(Duration.ofDays(4));
        bus.purge();
        assertThat(bus.list("chat", 10)).as("a dead letter past its retention").isEmpty();
        assertThat(textsHeld(database)).isEmpty();
    }

    /** Every payload and failure reason the bus still holds, as text. */
    private static List<String> textsHeld(DataSource database) {
        return JdbcClient.create(database).sql("""
                        select payload::text from messaging_outbox where payload is not null
                        union all select reason from messaging_delivery where reason is not null""")
                .query(String.class).list();
    }

    private static long pendingOf(DataSource database, String subscriber) {
        return JdbcClient.create(database).sql("select count(*) from messaging_delivery where subscriber = ?")
                .param(subscriber).query(Long.class).single();
    }

    private static Set<String> subscribers(DataSource database) {
        return Set.copyOf(JdbcClient.create(database).sql("select distinct subscriber from messaging_subscription")
                .query(String.class).list());
    }

    private static MessageReceived received(String sender, String text) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", UUID.randomUUID().toString(),
                sender, text, true);
    }
}
