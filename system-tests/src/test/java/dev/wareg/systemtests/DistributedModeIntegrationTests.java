package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.WhatsAppUser;
import java.io.IOException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as deployed, one process per service (deploy/local/run.sh) against the machine's PostgreSQL, Redis
 * and RabbitMQ, spoken to only through the channels, as a person would: the web chat, and the WhatsApp Cloud API
 * channel with Meta's signed webhook in and a fake Graph API out. The update-worker reaches account-api through a
 * proxy that can fail on demand.
 *
 * <p>The fault run ({@link FaultRun}) plays {@code wareg.system-tests.conversations} e-mail updates, 1,000 by
 * default, through crashes and outages, RabbitMQ's among them; {@link ServiceBusDistributedModeIntegrationTests}
 * plays it on the Service Bus bus.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedModeIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String APP_SECRET = "system-tests-app-secret";
    private static final String GRAPH_TOKEN = "system-tests-graph-token";

    private static FakeGraphApi graph;
    private static FaultRun run;

    @BeforeAll
    static void deploy() throws IOException {
        graph = FakeGraphApi.start(GRAPH_TOKEN);
        run = FaultRun.deploy("deployment", "19", EventBroker.RABBITMQ, Map.of(
                "WHATSAPP_APP_SECRET", APP_SECRET,
                "WHATSAPP_ACCESS_TOKEN", GRAPH_TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID", MetaWebhooks.PHONE_NUMBER_ID,
                "WHATSAPP_GRAPH_BASE_URL", graph.baseUrl().toString()), "cloud-api");
    }

    @AfterAll
    static void undeploy() {
        try {
            if (run != null) {
                run.close();
            }
        } finally {
            if (graph != null) {
                graph.close();
            }
        }
    }

    @Test
    @Order(1)
    void anEmailUpdateConversationCrossesTheProcesses() throws Exception {
        String phone = run.updates().phone(0).replace("+551198", "+551197");
        run.updates().register(phone, "ana@antigo.com.br");
        var ana = new ChatUser(run.http, run.deployment().uri("web-chat"), phone);

        ana.say("quero mudar meu e-mail", PATIENCE);
        assertThat(ana.awaitReply(reply -> reply.equals("Qual é o novo e-mail?"), PATIENCE)).isPresent();
        ana.say("ana@novo.com.br", PATIENCE);
        assertThat(ana.awaitReply(reply -> reply.contains("Posso salvar?"), PATIENCE)).hasValueSatisfying(
                reply -> assertThat(reply).contains("E-mail: ana@antigo.com.br → ana@novo.com.br"));
        ana.say("sim", PATIENCE);

        assertThat(ana.awaitReply(reply -> reply.startsWith("Pronto!"), PATIENCE))
                .hasValue("Pronto! Seu cadastro foi atualizado (e-mail).");
        assertThat(ana.heard()).contains("Um momento, estou salvando…");
        assertThat(emailOf(phone)).isEqualTo("ana@novo.com.br");
    }

    @Test
    @Order(2)
    void anEmailUpdateConversationOnWhatsAppGoesThroughTheWebhookAndTheGraphApi() throws Exception {
        String phone = run.updates().phone(0).replace("+551198", "+551196");
        run.updates().register(phone, "bia@antigo.com.br");
        var bia = new WhatsAppUser(run.http, run.deployment().uri("cloud-api"), APP_SECRET, graph, phone);

        bia.say("quero mudar meu e-mail");
        assertThat(bia.awaitReply(reply -> "Qual é o novo e-mail?".equals(reply.text()), PATIENCE)).isPresent();
        bia.say("bia@novo.com.br");
        assertThat(bia.awaitReply(reply -> reply.text().contains("Posso salvar?"), PATIENCE)).hasValueSatisfying(
                reply -> {
                    assertThat(reply.text()).contains("E-mail: bia@antigo.com.br → bia@novo.com.br");
                    assertThat(reply.type()).isEqualTo("interactive");
                    assertThat(reply.buttonTitles()).contains("Confirmar");
                });
        bia.tap("Confirmar");

        assertThat(bia.awaitReply(reply -> reply.text().startsWith("Pronto!"), PATIENCE)).hasValueSatisfying(
                reply -> assertThat(reply.text()).isEqualTo("Pronto! Seu cadastro foi atualizado (e-mail)."));
        assertThat(emailOf(phone)).isEqualTo("bia@novo.com.br");
        assertThat(bia.received()).allSatisfy(call -> {
            assertThat(call.accepted()).isTrue();
            assertThat(call.authorization()).isEqualTo("Bearer " + GRAPH_TOKEN);
        });
        // Each of Bia's three messages is marked as read, on a path of its own.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (graph.readReceipts().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(graph.readReceipts()).hasSize(3);
    }

    @Test
    @Order(3)
    void conversationsThroughCrashesAndOutagesLoseNothingApplyNothingTwiceAndTellTheTruth() throws Exception {
        run.play(Integer.getInteger("wareg.system-tests.conversations", 1000));
    }

    private static String emailOf(String phone) throws Exception {
        try (var connection = DriverManager.getConnection(run.schema.url(), run.schema.username(), run.schema.password())) {
            var query = connection.prepareStatement("select email from account where phone = ?");
            query.setString(1, phone);
            var result = query.executeQuery();
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
