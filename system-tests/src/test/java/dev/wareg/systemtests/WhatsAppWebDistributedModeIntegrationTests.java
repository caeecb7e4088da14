package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Web channel end to end in the distributed mode: the real Node sidecar
 * ({@code channels/whatsapp-web/sidecar}, its {@code node_modules} installed by the Maven build's {@code npm ci}) in
 * its fake mode ({@code WHATSAPP_WEB_FAKE=true}: no WhatsApp, a socket connected at once, {@code POST /fake/inbound}
 * to play a Baileys message in, {@code GET /fake/sent} for what it sent), forwarding signed to the Java channel run
 * by {@code deploy/local/run.sh} beside account-api, chat-service and update-worker on the machine's PostgreSQL,
 * Redis and RabbitMQ. A person changes their e-mail by writing to the sidecar as WhatsApp would deliver it.
 */
class WhatsAppWebDistributedModeIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String KEY = "system-tests-key-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + "-0123456789abcdef";
    private static final String SECRET = "system-tests-whatsapp-web-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static TestPostgres.Schema schema;
    private static LocalDeployment deployment;
    private static Process sidecar;
    private static URI sidecarUrl;
    private static EmailUpdates updates;

    @BeforeAll
    static void deploy() throws Exception {
        schema = TestPostgres.freshSchema();
        Map<String, Integer> ports = new HashMap<>();
        for (String service : List.of("account-api", "chat-service", "update-worker", "web-chat", "whatsapp-web")) {
            ports.put(service, FreePorts.next());
        }
        Path root = LocalDeployment.repositoryRoot();
        Path runDir = Path.of("target", "deployment-whatsapp-web").toAbsolutePath();
        Files.createDirectories(runDir);
        int sidecarPort = FreePorts.next();
        sidecarUrl = URI.create("http://127.0.0.1:" + sidecarPort);
        deployment = new LocalDeployment(root, runDir, ports, Map.of(
                "SERVICE_AUTH_HMAC_KEY", KEY,
                "WHATSAPP_WEB_SECRET", SECRET,
                "WHATSAPP_WEB_SIDECAR_URL", sidecarUrl.toString(),
                "ACCOUNT_DB_URL", schema.url(),
                "MANAGEMENT_PORT_PREFIX", "18",
                // A shared 2-core machine starts four JVMs at once in well over run.sh's default two minutes.
                "START_TIMEOUT", "220"));
        // Two at a time, so each start fits in LocalDeployment's limit for one run.sh call.
        deployment.start("account-api", "chat-service");
        deployment.start("update-worker", "whatsapp-web");

        Path sidecarDirectory = root.resolve("channels/whatsapp-web/sidecar");
        assertThat(sidecarDirectory.resolve("node_modules")).as("the sidecar's npm ci (the Maven build runs it)")
                .isDirectory();
        var process = new ProcessBuilder("node", "src/main.js").directory(sidecarDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(runDir.resolve("whatsapp-web-sidecar.log").toFile());
        process.environment().putAll(Map.of(
                "WHATSAPP_WEB_FAKE", "true",
                "PORT", String.valueOf(sidecarPort),
                "WAREG_CHANNEL_URL", deployment.uri("whatsapp-web").toString(),
                "WHATSAPP_WEB_SECRET", SECRET));
        sidecar = process.start();
        awaitHealthy(sidecarUrl.resolve("/health"));
        updates = new EmailUpdates(http, deployment.uri("account-api"), deployment.uri("web-chat"), KEY);
    }

    @AfterAll
    static void undeploy() throws InterruptedException {
        try {
            if (sidecar != null) {
                sidecar.destroy();
                if (!sidecar.waitFor(10, TimeUnit.SECONDS)) {
                    sidecar.destroyForcibly();
                }
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
        var caio = new WhatsAppWebPerson(phone);

        caio.say("quero mudar meu e-mail");
        assertThat(caio.awaitReply("Qual é o novo e-mail?"::equals)).isPresent();
        caio.say("caio@novo.com.br");
        assertThat(caio.awaitReply(text -> text.contains("Posso salvar?"))).hasValueSatisfying(text -> {
            assertThat(text).contains("E-mail: caio@antigo.com.br → caio@novo.com.br");
            // No buttons on WhatsApp Web: the options are numbered lines.
            assertThat(text).containsPattern("\n\n1\\. Confirmar\n2\\. ");
        });
        caio.say("Confirmar");

        assertThat(caio.awaitReply(text -> text.startsWith("Pronto!")))
                .hasValue("Pronto! Seu cadastro foi atualizado (e-mail).");
        assertThat(emailOf(phone)).isEqualTo("caio@novo.com.br");
    }

    /** A person on WhatsApp, as the fake WhatsApp behind the sidecar delivers their messages and records replies. */
    private static final class WhatsAppWebPerson {

        private static final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));
        private final String jid;
        private int seen;

        WhatsAppWebPerson(String phone) {
            this.jid = phone.substring(1) + "@s.whatsapp.net";
        }

        /** A Baileys {@code WAMessage} of a plain text, as {@code messages.upsert} (notify) carries it. */
        void say(String text) throws IOException, InterruptedException {
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "key", Map.of("remoteJid", jid, "id", "3EB0" + Long.toHexString(ids.incrementAndGet()).toUpperCase(),
                            "fromMe", false),
                    "message", Map.of("conversation", text),
                    "messageTimestamp", System.currentTimeMillis() / 1000));
            var response = http.send(HttpRequest.newBuilder(sidecarUrl.resolve("/fake/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        }

        /** The first reply after the ones already seen that matches; the replies before it count as seen too. */
        Optional<String> awaitReply(Predicate<String> condition) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            do {
                List<String> replies = replies();
                for (int i = seen; i < replies.size(); i++) {
                    if (condition.test(replies.get(i))) {
                        seen = i + 1;
                        return Optional.of(replies.get(i));
                    }
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            return Optional.empty();
        }

        private List<String> replies() throws IOException, InterruptedException {
            var response = http.send(HttpRequest.newBuilder(sidecarUrl.resolve("/fake/sent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode sent = JSON.readTree(response.body());
            return sent.values().stream().filter(message -> jid.equals(message.path("jid").asString("")))
                    .map(message -> message.path("text").asString("")).toList();
        }
    }

    private static void awaitHealthy(URI health) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(sidecar.isAlive()).as("the sidecar is running (see target/deployment-whatsapp-web)").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the sidecar did not become healthy at " + health);
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
