package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.systemtests.OtlpReceiver.ReceivedSpan;
import dev.wareg.testsupport.TestPostgres;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One message is one trace, across processes and the broker. The distributed mode runs as
 * {@code deploy/local/run.sh} starts it (RabbitMQ, Redis, PostgreSQL), each service exporting its spans over OTLP
 * to a receiver in this test, configured the way a deployment is: {@code OTEL_EXPORTER_OTLP_ENDPOINT}. A new
 * person registers on the web chat; the turn that confirms it goes from the web chat through the chat, the
 * update-worker and account-api back to the web chat, and
 * <ul>
 *   <li>every span of that turn, in all four services, has one trace id, started by the web chat's request;</li>
 *   <li>every consumer span of the bus is the child of the producer span that published its event;</li>
 *   <li>no span, of any turn, carries a phone number, e-mail address, CPF, CEP or what the person wrote.</li>
 * </ul>
 */
class TracingIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final List<String> SERVICES = List.of("account-api", "chat-service", "update-worker", "web-chat");
    /** Identifiers the spans rightly carry (trace, span and event ids), removed before looking for numbers. */
    private static final Pattern IDENTIFIERS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\b[0-9a-f]{16,32}\\b");
    private static final Map<String, Pattern> PERSONAL_DATA = Map.of(
            "phone", Pattern.compile("\\+?\\d{10,13}"),
            "e-mail", Pattern.compile("[^\\s@/]+@[^\\s@/]+"),
            "CPF", Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}"),
            "CEP", Pattern.compile("\\b\\d{5}-\\d{3}\\b"));

    private static final HttpClient http = HttpClient.newHttpClient();
    private static OtlpReceiver receiver;
    private static LocalDeployment deployment;
    /** What the person said and who they are: none of it may be in a span. */
    private static final Set<String> personal = new TreeSet<>();
    private static List<ReceivedSpan> confirmedTurn;
    private static List<ReceivedSpan> all;

    @BeforeAll
    static void deployAndTalk() throws Exception {
        receiver = OtlpReceiver.start();
        var ports = LocalDeployment.ports("28", SERVICES);
        Path runDir = Path.of("target", "tracing-deployment").toAbsolutePath();
        Files.createDirectories(runDir);
        var environment = new HashMap<String, String>();
        environment.put("ACCOUNT_DB_URL", TestPostgres.freshSchema().url());
        environment.put("MANAGEMENT_PORT_PREFIX", "28");
        // Queues of their own on the machine's broker, so that no other deployment's consumers take these events.
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint().toString());
        // Batches sent every 200 ms instead of 5 s, so the test waits less for the last hop's spans.
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        environment.put("START_TIMEOUT", "200");
        environment.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        // Two at a time: four JVMs starting at once on a small, busy machine outlast the health checks' patience.
        deployment.start("account-api", "update-worker");
        deployment.start("chat-service", "web-chat");

        String phone = "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String email = "rita.rastreada" + phone.substring(8) + "@example.com";
        personal.addAll(List.of(phone, phone.substring(1), phone.substring(3), email, "Rita Rastreada"));
        var rita = new ChatUser(http, deployment.uri("web-chat"), phone);
        converse(rita, "oi", reply -> reply.contains("Quer se cadastrar"));
        converse(rita, "sim", reply -> reply.equals("Qual é o seu nome completo?"));
        converse(rita, "Rita Rastreada", reply -> reply.equals("Qual é o seu e-mail?"));
        converse(rita, email, reply -> reply.contains("Posso salvar?"));
        converse(rita, "sim", reply -> reply.startsWith("Pronto!"));

        // The registration's call to account-api is in the confirming turn's trace; each service exports its spans
        // in batches of its own, so the worker's may reach the receiver after the web chat's last hop.
        confirmedTurn = awaitTrace(
                spans -> spans.stream().anyMatch(span -> span.service().equals("account-api")
                        && span.kind() == SpanKind.SPAN_KIND_SERVER && span.name().startsWith("http post")),
                spans -> spans.stream().filter(span -> span.name().equals("web-chat SendMessage")).count() >= 1
                        && Stream.of("chat-service RegistrationUpdateApplied", "update-worker RegistrationUpdateRequested",
                                "publish RegistrationUpdateApplied")
                        .allMatch(name -> spans.stream().anyMatch(span -> span.name().equals(name))));
        all = receiver.spans();
        // Kept beside the services' logs, to see what the services traced when an assertion fails.
        Files.write(runDir.resolve("spans.txt"), all.stream().map(ReceivedSpan::toString).toList());
    }

    @AfterAll
    static void undeploy() {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    @Test
    void theConfirmingTurnIsOneTraceFromTheWebChatThroughTheChatTheWorkerAndAccountApiBack() {
        assertThat(confirmedTurn).extracting(ReceivedSpan::service).containsAll(SERVICES);
        assertThat(confirmedTurn.stream().map(ReceivedSpan::traceId).distinct()).hasSize(1);
        assertThat(confirmedTurn).filteredOn(ReceivedSpan::isRoot).singleElement().satisfies(root -> {
            assertThat(root.service()).isEqualTo("web-chat");
            assertThat(root.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        });
        assertThat(confirmedTurn).extracting(ReceivedSpan::name).contains(
                "publish MessageReceived", "chat-service MessageReceived",
                "publish RegistrationUpdateRequested", "update-worker RegistrationUpdateRequested",
                "publish RegistrationUpdateApplied", "chat-service RegistrationUpdateApplied",
                "publish SendMessage", "web-chat SendMessage");
        // The worker's call carried the trace to account-api: its server span is the child of the client span.
        ReceivedSpan accountApi = confirmedTurn.stream().filter(span -> span.service().equals("account-api")
                && span.kind() == SpanKind.SPAN_KIND_SERVER).findFirst().orElseThrow();
        assertThat(byId(confirmedTurn, accountApi.parentSpanId())).hasValueSatisfying(client -> {
            assertThat(client.service()).isEqualTo("update-worker");
            assertThat(client.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        });
        assertThat(receiver.paths()).containsOnly("/v1/traces");
    }

    @Test
    void everyConsumerSpanIsTheChildOfTheProducerSpanThatPublishedItsEvent() {
        List<ReceivedSpan> consumers = confirmedTurn.stream().filter(span -> span.kind() == SpanKind.SPAN_KIND_CONSUMER)
                .toList();
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(4);
        var soft = new SoftAssertions();
        for (ReceivedSpan consumer : consumers) {
            Optional<ReceivedSpan> producer = byId(confirmedTurn, consumer.parentSpanId());
            soft.assertThat(producer).as("the parent of %s in %s", consumer.name(), consumer.service())
                    .hasValueSatisfying(parent -> {
                        assertThat(parent.kind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER);
                        assertThat(parent.attributes().get("messaging.message.id"))
                                .isEqualTo(consumer.attributes().get("messaging.message.id"));
                    });
            soft.assertThat(consumer.attributes()).as(consumer.name())
                    .containsEntry("messaging.system", "rabbitmq")
                    .containsEntry("wareg.channel", "web-chat")
                    .containsKey("messaging.consumer.group.name");
        }
        soft.assertAll();
    }

    @Test
    void noSpanSaysWhoThePersonIsOrWhatTheyWrote() {
        assertThat(all).extracting(ReceivedSpan::service).contains("web-chat");
        var soft = new SoftAssertions();
        for (ReceivedSpan span : all) {
            List<String> values = new ArrayList<>(span.attributes().values());
            values.add(span.name());
            span.events().forEach(event -> values.addAll(event.values()));
            for (String value : values) {
                String withoutIdentifiers = IDENTIFIERS.matcher(value).replaceAll("");
                PERSONAL_DATA.forEach((kind, pattern) -> soft.assertThat(withoutIdentifiers)
                        .as("%s of %s in %s", kind, span.name(), span.service()).doesNotContainPattern(pattern));
                for (String said : personal) {
                    soft.assertThat(value).as("%s in %s", span.name(), span.service()).doesNotContainIgnoringCase(said);
                }
            }
        }
        soft.assertAll();
    }

    private static Optional<ReceivedSpan> byId(List<ReceivedSpan> spans, String spanId) {
        return spans.stream().filter(span -> span.spanId().equals(spanId)).findFirst();
    }

    /** The spans of the first trace that {@code identifies}, once they are {@code complete}. */
    private static List<ReceivedSpan> awaitTrace(Predicate<List<ReceivedSpan>> identifies,
            Predicate<List<ReceivedSpan>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, List<ReceivedSpan>> byTrace = Map.of();
        while (System.nanoTime() < deadline) {
            byTrace = receiver.spans().stream().collect(Collectors.groupingBy(ReceivedSpan::traceId));
            Optional<List<ReceivedSpan>> trace = byTrace.values().stream().filter(identifies).findFirst();
            if (trace.isPresent() && complete.test(trace.get())) {
                return trace.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no complete trace of the confirming turn among " + byTrace.values().stream()
                .map(spans -> spans.stream().map(span -> span.service() + ": " + span.name()).toList()).toList());
    }

    private static void converse(ChatUser person, String text, Predicate<String> reply) throws InterruptedException {
        person.say(text, PATIENCE);
        assertThat(person.awaitReply(reply, PATIENCE)).as("the reply to " + text).isPresent();
    }
}
