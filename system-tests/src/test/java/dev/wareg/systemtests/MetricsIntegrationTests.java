package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.systemtests.PromQl.Matcher;
import dev.wareg.systemtests.PromQl.Selector;
import dev.wareg.systemtests.Scrape.Sample;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FakeGraphApi.GraphError;
import dev.wareg.testsupport.FakeOllama;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.TestPostgres;
import dev.wareg.testsupport.WhatsAppUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboards and alerts of {@code deploy/observability} query is what the services expose. The distributed
 * mode runs as {@code deploy/local/run.sh} starts it (RabbitMQ, Redis, PostgreSQL; the local model on, against
 * {@link FakeOllama}; the Cloud API channel against {@link FakeGraphApi}; the WhatsApp Web channel behind its real
 * sidecar in fake mode, {@link WhatsAppWebSidecar}); people register and update their e-mail on the web chat, on
 * WhatsApp and on WhatsApp Web (an invalid e-mail on the way), Meta reports statuses, redelivers a message and sends an unsigned one, and the
 * Graph API fails now and then. Then each service's {@code /actuator/prometheus} is scraped, and
 * <ul>
 *   <li>every metric a Grafana panel, dashboard variable or alert rule selects is in a scrape, with every label
 *       value the query names exactly ({@code uri="/v1/accounts/{id}"}), except those listed in
 *       {@link #NOT_FROM_A_SERVICE} with the reason;</li>
 *   <li>the metrics are where docs/operations.md says: on each service's port, the update-worker's on its management
 *       port only;</li>
 *   <li>each channel's own metrics are there ({@code wareg_whatsapp_web_*} for WhatsApp Web: the sidecar serves
 *       none, docs/operations.md);</li>
 *   <li>no scrape carries a phone number, e-mail address, name or message id of the people who talked.</li>
 * </ul>
 */
class MetricsIntegrationTests {

    /** Metrics the dashboards and alerts use that no service exposes, and why. */
    private static final Map<String, String> NOT_FROM_A_SERVICE = Map.of(
            "up", "written by Prometheus for each target it scrapes",
            "rabbitmq_queue_messages", "RabbitMQ's own rabbitmq_prometheus plugin (/metrics/per-object), not a service",
            "rabbitmq_queue_messages_ready", "RabbitMQ's own rabbitmq_prometheus plugin, not a service",
            "rabbitmq_queue_messages_unacked", "RabbitMQ's own rabbitmq_prometheus plugin, not a service",
            "rabbitmq_queue_consumers", "RabbitMQ's own rabbitmq_prometheus plugin, not a service");

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String APP_SECRET = "metrics-tests-app-secret";
    private static final String GRAPH_TOKEN = "metrics-tests-graph-token";
    private static final String PHONE_NUMBER_ID = MetaWebhooks.PHONE_NUMBER_ID;
    private static final String WHATSAPP_WEB_SECRET = "metrics-tests-whatsapp-web-secret";
    private static final List<String> SERVICES = List.of("account-api", "chat-service", "update-worker", "web-chat",
            "cloud-api", "whatsapp-web");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static FakeGraphApi graph;
    private static FakeOllama ollama;
    private static LocalDeployment deployment;
    private static WhatsAppWebSidecar sidecar;
    private static final Map<String, Integer> ports = new HashMap<>();
    private static int workerManagementPort;
    /** What people said and who they are: none of it may reach a metric. */
    private static final Set<String> personal = new TreeSet<>();
    private static final Map<String, Scrape> scrapes = new LinkedHashMap<>();

    @BeforeAll
    static void deployAndTalk() throws Exception {
        var schema = TestPostgres.freshSchema();
        ports.putAll(LocalDeployment.ports("29", SERVICES));
        String workerPort = String.valueOf(ports.get("update-worker"));
        workerManagementPort = Integer.parseInt("29" + workerPort.substring(workerPort.length() - 2));
        Path runDir = Path.of("target", "metrics-deployment").toAbsolutePath();
        Files.createDirectories(runDir);
        graph = FakeGraphApi.start(GRAPH_TOKEN);
        ollama = FakeOllama.start("qwen2.5:0.5b-instruct");
        sidecar = new WhatsAppWebSidecar(http, runDir);
        var environment = new HashMap<>(sidecar.environment(WHATSAPP_WEB_SECRET));
        environment.put("EXTRA_ACCOUNT_API_ARGS", SystemTestsClient.extraAccountApiArgs());
        environment.put("WHATSAPP_APP_SECRET", APP_SECRET);
        environment.put("WHATSAPP_ACCESS_TOKEN", GRAPH_TOKEN);
        environment.put("WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID);
        environment.put("WHATSAPP_GRAPH_BASE_URL", graph.baseUrl().toString());
        environment.put("ACCOUNT_DB_URL", schema.url());
        environment.put("MANAGEMENT_PORT_PREFIX", "29");
        // Queues of their own on the machine's broker, so that no other deployment's consumers take these events.
        // As compose runs the chat: consulting the local model, which registers its counters.
        environment.put("EXTRA_CHAT_SERVICE_ARGS", "--wareg.chat.llm.enabled=true --wareg.chat.llm.base-url="
                + ollama.baseUrl());
        // Six JVMs start on a small machine: the quick compiler alone starts them sooner, three at a time each
        // start fits in LocalDeployment's limit for one run.sh call.
        environment.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.put("START_TIMEOUT", "220");
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        deployment.start(SERVICES.subList(0, 3).toArray(String[]::new));
        deployment.start(SERVICES.subList(3, 6).toArray(String[]::new));
        sidecar.start(deployment.uri("whatsapp-web"), WHATSAPP_WEB_SECRET, Map.of());

        var updates = new EmailUpdates(http, deployment.uri("account-api"), deployment.uri("web-chat"));
        registerOnTheWebChat(updates.phone(1).replace("+551198", "+551195"));
        updateOnTheWebChat(updates, updates.phone(2).replace("+551198", "+551195"));
        WhatsAppUser whatsApp = updateOnWhatsApp(updates, updates.phone(3).replace("+551198", "+551195"));
        metaReportsStatusesRedeliversAndIsImpersonated(updates.phone(4).replace("+551198", "+551195"));
        theGraphApiFails(whatsApp);
        registerOnWhatsAppWeb(updates.phone(5).replace("+551198", "+551195"));

        for (String service : SERVICES) {
            String exposition = scrape(metricsUri(service)).body();
            // Kept beside the services' logs, to see what a service exposes when a query finds nothing.
            Files.writeString(runDir.resolve(service + ".prom"), exposition);
            scrapes.put(service, Scrape.parse(service, exposition));
        }
    }

    @AfterAll
    static void undeploy() throws InterruptedException {
        try {
            if (sidecar != null) {
                sidecar.close();
            }
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            if (graph != null) {
                graph.close();
            }
            if (ollama != null) {
                ollama.close();
            }
        }
    }

    @Test
    void everyMetricTheDashboardsAndAlertsQueryIsExposedWithTheLabelValuesTheyName() {
        Map<String, List<Sample>> exposed = new HashMap<>();
        scrapes.values().forEach(scrape -> scrape.samples().forEach(
                sample -> exposed.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample)));
        var used = new TreeSet<String>();
        var soft = new SoftAssertions();
        for (var query : ObservabilityQueries.all()) {
            for (Selector selector : PromQl.selectors(query.expression())) {
                used.add(selector.metric());
                if (NOT_FROM_A_SERVICE.containsKey(selector.metric())) {
                    continue;
                }
                List<Sample> samples = exposed.getOrDefault(selector.metric(), List.of());
                soft.assertThat(samples).as("%s: no service exposes %s", query.where(), selector.metric())
                        .isNotEmpty();
                for (Matcher matcher : selector.matchers()) {
                    if (matcher.op().equals("=") && !matcher.value().contains("$") && !samples.isEmpty()) {
                        Set<String> values = samples.stream().map(sample -> sample.labels().get(matcher.label()))
                                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
                        soft.assertThat(values).as("%s: the values of %s's label %s", query.where(),
                                selector.metric(), matcher.label()).contains(matcher.value());
                    }
                }
            }
        }
        soft.assertThat(used).as("every metric listed as not from a service is used")
                .containsAll(NOT_FROM_A_SERVICE.keySet());
        soft.assertAll();
    }

    @Test
    void eachServiceServesItsMetricsOnItsPortAndTheWorkerOnItsManagementPortOnly() throws Exception {
        for (String service : List.of("account-api", "chat-service", "web-chat", "cloud-api", "whatsapp-web")) {
            assertThat(scrape(deployment.uri(service).resolve("/actuator/prometheus")).statusCode()).as(service)
                    .isEqualTo(200);
        }
        assertThat(scrape(deployment.uri("update-worker").resolve("/actuator/prometheus")).statusCode())
                .isEqualTo(404);
        assertThat(scrape(metricsUri("update-worker")).statusCode()).isEqualTo(200);
        scrapes.forEach((service, scrape) -> assertThat(scrape.samples()).as(service)
                .anyMatch(sample -> service.equals(sample.labels().get("application"))));
    }

    /** Beyond what the dashboards query: what the WhatsApp Web conversation counted, by type and outcome only. */
    @Test
    void theWhatsAppWebChannelCountsWhatCameInAndWentOut() {
        List<Sample> samples = scrapes.get("whatsapp-web").samples();
        assertThat(samples).as("whatsapp-web's own metrics")
                .anyMatch(sample -> sample.name().equals("wareg_whatsapp_web_messages_received_total")
                        && "text".equals(sample.labels().get("type")))
                .anyMatch(sample -> sample.name().equals("wareg_whatsapp_web_messages_sent_total")
                        && "sent".equals(sample.labels().get("outcome")))
                .anyMatch(sample -> sample.name().equals("wareg_whatsapp_web_requests_rejected_total"));
    }

    @Test
    void noMetricSaysWhoPeopleAreOrWhatTheySaid() {
        Pattern phoneOrEmail = Pattern.compile("@|\\d{10,}");
        var soft = new SoftAssertions();
        scrapes.forEach((service, scrape) -> {
            for (String text : personal) {
                soft.assertThat(scrape.text()).as(service).doesNotContainIgnoringCase(text);
            }
            for (Sample sample : scrape.samples()) {
                sample.labels().forEach((label, value) -> soft.assertThat(value)
                        .as("%s: %s{%s}", service, sample.name(), label).doesNotContainPattern(phoneOrEmail));
            }
        });
        soft.assertAll();
    }

    /**
     * A new person on the web chat: account-api does not know them (404), the worker registers them (201). Their
     * first e-mail is refused (a validation failure, by field and reason).
     */
    private static void registerOnTheWebChat(String phone) throws Exception {
        String email = "maria.observada" + phone.substring(8) + "@example.com";
        String mistyped = "maria.observada" + phone.substring(8) + " arroba example";
        remember(phone, email, mistyped, "Maria Observada");
        var maria = new ChatUser(http, deployment.uri("web-chat"), phone);
        converse(maria, "oi", reply -> reply.contains("Quer se cadastrar"));
        converse(maria, "sim", reply -> reply.equals("Qual é o seu nome completo?"));
        converse(maria, "Maria Observada", reply -> reply.equals("Qual é o seu e-mail?"));
        converse(maria, mistyped, reply -> reply.startsWith("Esse e-mail não parece válido"));
        converse(maria, email, reply -> reply.contains("Posso salvar?"));
        converse(maria, "sim", reply -> reply.startsWith("Pronto!"));
    }

    /**
     * A new person registers on WhatsApp Web, through the sidecar as WhatsApp delivers a message: their first e-mail
     * is refused. Then a request to the Java channel without the sidecar's signature, refused.
     */
    private static void registerOnWhatsAppWeb(String phone) throws Exception {
        String email = "rui.observado" + phone.substring(8) + "@example.com";
        String mistyped = "rui.observado" + phone.substring(8) + "@@example";
        remember(phone, email, mistyped, "Rui Observado Web", phone.substring(1) + "@s.whatsapp.net");
        var rui = sidecar.person(phone);
        rui.converse("oi", reply -> reply.contains("Quer se cadastrar"), PATIENCE);
        rui.converse("sim", reply -> reply.equals("Qual é o seu nome completo?"), PATIENCE);
        rui.converse("Rui Observado Web", reply -> reply.equals("Qual é o seu e-mail?"), PATIENCE);
        rui.converse(mistyped, reply -> reply.startsWith("Esse e-mail não parece válido"), PATIENCE);
        rui.converse(email, reply -> reply.contains("Posso salvar?"), PATIENCE);
        rui.converse("sim", reply -> reply.startsWith("Pronto!"), PATIENCE);
        var unsigned = http.send(HttpRequest.newBuilder(deployment.uri("whatsapp-web").resolve(
                "/whatsapp-web/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + phone + "\", \"text\": \"oi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    /** A known person on the web chat (200), who cancels a first try, then updates; the worker applies (PATCH 200). */
    private static void updateOnTheWebChat(EmailUpdates updates, String phone) throws Exception {
        String email = "ana.antiga" + phone.substring(8) + "@example.com";
        String newEmail = "ana.nova" + phone.substring(8) + "@example.com";
        remember(phone, email, newEmail, "Pessoa de Teste");
        updates.register(phone, email);
        var ana = new ChatUser(http, deployment.uri("web-chat"), phone);
        converse(ana, "quero mudar meu e-mail", reply -> reply.equals("Qual é o novo e-mail?"));
        converse(ana, "cancelar", reply -> reply.startsWith("Cancelado."));
        converse(ana, "quero mudar meu e-mail", reply -> reply.equals("Qual é o novo e-mail?"));
        converse(ana, newEmail, reply -> reply.contains("Posso salvar?"));
        converse(ana, "sim", reply -> reply.startsWith("Pronto!"));
    }

    /** The same on WhatsApp: messages through the signed webhook, replies and read receipts to the Graph API. */
    private static WhatsAppUser updateOnWhatsApp(EmailUpdates updates, String phone) throws Exception {
        String email = "bia.antiga" + phone.substring(8) + "@example.com";
        String newEmail = "bia.nova" + phone.substring(8) + "@example.com";
        remember(phone, email, newEmail);
        updates.register(phone, email);
        var bia = new WhatsAppUser(http, deployment.uri("cloud-api"), APP_SECRET, graph, phone);
        bia.say("quero mudar meu e-mail");
        assertThat(bia.awaitReply(reply -> "Qual é o novo e-mail?".equals(reply.text()), PATIENCE)).isPresent();
        bia.say(newEmail);
        assertThat(bia.awaitReply(reply -> reply.text().contains("Posso salvar?"), PATIENCE)).isPresent();
        bia.tap("Confirmar");
        assertThat(bia.awaitReply(reply -> reply.text().startsWith("Pronto!"), PATIENCE)).isPresent();
        return bia;
    }

    /** Delivery statuses (one failed), a message delivered twice, and a delivery without a valid signature. */
    private static void metaReportsStatusesRedeliversAndIsImpersonated(String phone) throws Exception {
        String wamid = "wamid.metrics-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        remember(phone, wamid);
        var statuses = List.of(
                Map.of("id", wamid + "-out", "status", "delivered", "timestamp", now(), "recipient_id",
                        phone.substring(1)),
                Map.of("id", wamid + "-out", "status", "failed", "timestamp", now(), "recipient_id",
                        phone.substring(1), "errors", List.of(Map.of("code", 131047, "title", "Re-engagement message"))));
        assertThat(webhook(MetaWebhooks.delivery(Map.of("statuses", statuses)), true).statusCode()).isEqualTo(200);

        var message = Map.of("from", phone.substring(1), "id", wamid, "timestamp", now(), "type", "text",
                "text", Map.of("body", "oi"));
        byte[] delivery = MetaWebhooks.delivery(Map.of("contacts", List.of(Map.of("profile", Map.of("name", "Caio"), "wa_id",
                phone.substring(1))), "messages", List.of(message)));
        assertThat(webhook(delivery, true).statusCode()).isEqualTo(200);
        assertThat(webhook(delivery, true).statusCode()).isEqualTo(200);

        assertThat(webhook(delivery, false).statusCode()).isEqualTo(401);
    }

    /**
     * Graph API calls that fail: a 500 (retried) and Meta's 131047 (undeliverable without a template). An error
     * goes to whichever call comes next, a reply or a read receipt, so the person writes until each was counted.
     */
    private static void theGraphApiFails(WhatsAppUser person) throws Exception {
        for (var failure : List.of(
                Map.entry(GraphError.serverError(), List.of("wareg_cloud_api_send_failures_total",
                        "wareg_cloud_api_read_receipts_failed_total")),
                Map.entry(GraphError.reEngagement(), List.of("wareg_cloud_api_undeliverable_total")))) {
            for (int attempt = 0; attempt < 5 && !allCounted(failure.getValue()); attempt++) {
                graph.failNext(2, failure.getKey());
                person.say("ajuda");
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!allCounted(failure.getValue()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
            assertThat(allCounted(failure.getValue())).as("counted: " + failure.getValue()).isTrue();
        }
        graph.reset();
    }

    private static boolean allCounted(List<String> metrics) throws Exception {
        Scrape scrape = Scrape.parse("cloud-api", scrape(metricsUri("cloud-api")).body());
        return metrics.stream().allMatch(metric -> scrape.samples().stream().anyMatch(s -> s.name().equals(metric)));
    }

    private static void converse(ChatUser person, String text, java.util.function.Predicate<String> reply)
            throws InterruptedException {
        person.say(text, PATIENCE);
        assertThat(person.awaitReply(reply, PATIENCE)).as("the reply to " + text).isPresent();
    }

    private static void remember(String phone, String... more) {
        personal.add(phone);
        personal.add(phone.substring(1));
        personal.addAll(List.of(more));
    }

    private static URI metricsUri(String service) {
        return service.equals("update-worker")
                ? URI.create("http://127.0.0.1:" + workerManagementPort + "/actuator/prometheus")
                : deployment.uri(service).resolve("/actuator/prometheus");
    }

    private static HttpResponse<String> scrape(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> webhook(byte[] body, boolean signed) throws Exception {
        return http.send(HttpRequest.newBuilder(deployment.uri("cloud-api").resolve("/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signed ? MetaWebhooks.signature(APP_SECRET, body) : "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }
}
