package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp Web channel end to end in the distributed mode: the real Node sidecar in its fake mode
 * ({@link WhatsAppWebSidecar}), forwarding signed to the Java channel run
 * by {@code deploy/local/run.sh} beside account-api, chat-service and update-worker on the machine's PostgreSQL,
 * Redis and RabbitMQ. A person changes their e-mail by writing to the sidecar as WhatsApp would deliver it.
 */
class WhatsAppWebDistributedModeIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String SECRET = "system-tests-whatsapp-web-secret";
    private static final HttpClient http = HttpClient.newHttpClient();

    private static TestPostgres.Schema schema;
    private static LocalDeployment deployment;
    private static WhatsAppWebSidecar sidecar;
    private static EmailUpdates updates;

    @BeforeAll
    static void deploy() throws Exception {
        schema = TestPostgres.freshSchema();
        Map<String, Integer> ports = LocalDeployment.ports("18",
                List.of("account-api", "chat-service", "update-worker", "web-chat", "whatsapp-web"));
        Path runDir = Path.of("target", "deployment-whatsapp-web").toAbsolutePath();
        Files.createDirectories(runDir);
        sidecar = new WhatsAppWebSidecar(http, runDir);
        var environment = new HashMap<>(sidecar.environment(SECRET));
        environment.putAll(Map.of(
                "EXTRA_ACCOUNT_API_ARGS", SystemTestsClient.extraAccountApiArgs(),
                "ACCOUNT_DB_URL", schema.url(),
                "MANAGEMENT_PORT_PREFIX", "18",
                // A shared 2-core machine starts four JVMs at once in well over run.sh's default two minutes.
                "START_TIMEOUT", "220"));
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        // Two at a time, so each start fits in LocalDeployment's limit for one run.sh call.
        deployment.start("account-api", "chat-service");
        deployment.start("update-worker", "whatsapp-web");
        sidecar.start(deployment.uri("whatsapp-web"), SECRET, Map.of());
        updates = new EmailUpdates(http, deployment.uri("account-api"), deployment.uri("web-chat"));
    }

    @AfterAll
    static void undeploy() throws InterruptedException {
        try {
            if (sidecar != null) {
                sidecar.close();
            }
        } finally {
            if (deployment != null) {
                deployment.close();
            }
        }
    }

    @Test
    void anEmailUpdateConversationGoesThroughTheSidecarAndTheJavaChannel() throws Exception {
        String phone = updates.phone(0).replace("+551198", "+551195");
        updates.register(phone, "caio@antigo.com.br");
        var caio = sidecar.person(phone);

        caio.say("quero mudar meu e-mail");
        assertThat(caio.awaitReply("Qual é o novo e-mail?"::equals, PATIENCE)).isPresent();
        caio.say("caio@novo.com.br");
        assertThat(caio.awaitReply(text -> text.contains("Posso salvar?"), PATIENCE)).hasValueSatisfying(text -> {
            assertThat(text).contains("E-mail: caio@antigo.com.br → caio@novo.com.br");
            // No buttons on WhatsApp Web: the options are numbered lines.
            assertThat(text).containsPattern("\n\n1\\. Confirmar\n2\\. ");
        });
        caio.say("Confirmar");

        assertThat(caio.awaitReply(text -> text.startsWith("Pronto!"), PATIENCE))
                .hasValue("Pronto! Seu cadastro foi atualizado (e-mail).");
        assertThat(emailOf(phone)).isEqualTo("caio@novo.com.br");
    }

    private static String emailOf(String phone) throws Exception {
        try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password())) {
            var query = connection.prepareStatement("select email from account where phone = ?");
            query.setString(1, phone);
            var result = query.executeQuery();
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
