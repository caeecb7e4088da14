package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FakeGraphApi.GraphError;
import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.PersonalData;
import dev.wareg.testsupport.TestPostgres;
import dev.wareg.testsupport.WhatsAppUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the services log says nothing about who people are or what they wrote. The distributed mode runs as
 * {@code deploy/local/run.sh} starts it (its logs JSON, as deployed; {@code dev.wareg} at DEBUG, so the lines an
 * operator turns on are checked too), the WhatsApp Web channel behind its real sidecar in fake mode
 * ({@link WhatsAppWebSidecar}, its JSON lines at debug). Three people register, on the web chat, on WhatsApp and on
 * WhatsApp Web, giving their
 * name, e-mail, CEP, street, complement, district, CPF and birth date, with invalid answers and corrections on the
 * way; one claims the other's CPF (refused by account-api, a dead letter), the Graph API fails (a 500, then an error
 * quoting the number); account-api and the web chat get requests that carry personal data and are refused. The
 * embedded default (plain text) plays the web chat's registration too. Then every line of every service's log is
 * searched for anything that looks like a phone number, e-mail address, CPF or CEP, and for every
 * value the people typed ({@link PersonalData}): none may be there.
 */
class LogPiiScanIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String APP_SECRET = "log-scan-app-secret";
    private static final String GRAPH_TOKEN = "log-scan-graph-token";
    private static final String WHATSAPP_WEB_SECRET = "log-scan-whatsapp-web-secret";
    private static final String SIDECAR = "whatsapp-web sidecar";
    private static final List<String> SERVICES = List.of("account-api", "chat-service", "update-worker", "web-chat",
            "cloud-api", "whatsapp-web");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static FakeGraphApi graph;
    private static LocalDeployment deployment;
    private static WhatsAppWebSidecar sidecar;
    private static Process standalone;
    private static final Map<String, Integer> ports = new HashMap<>();
    /** Every value the people typed or are known by: none may reach a log. */
    private static final Set<String> typed = new TreeSet<>();
    /** Each service's log lines, the text of JSON lines decoded. */
    private static final Map<String, List<String>> logs = new LinkedHashMap<>();
    private static final Map<String, List<JsonNode>> jsonLines = new LinkedHashMap<>();

    @BeforeAll
    static void deployTalkAndReadTheLogs() throws Exception {
        var schema = TestPostgres.freshSchema();
        ports.putAll(LocalDeployment.ports("28", SERVICES));
        Path runDir = Path.of("target", "log-scan-deployment").toAbsolutePath();
        Files.createDirectories(runDir);
        graph = FakeGraphApi.start(GRAPH_TOKEN);
        sidecar = new WhatsAppWebSidecar(http, runDir);
        var environment = new HashMap<>(sidecar.environment(WHATSAPP_WEB_SECRET));
        environment.put("EXTRA_ACCOUNT_API_ARGS", SystemTestsClient.extraAccountApiArgs());
        environment.put("WHATSAPP_APP_SECRET", APP_SECRET);
        environment.put("WHATSAPP_ACCESS_TOKEN", GRAPH_TOKEN);
        environment.put("WHATSAPP_PHONE_NUMBER_ID", MetaWebhooks.PHONE_NUMBER_ID);
        environment.put("WHATSAPP_GRAPH_BASE_URL", graph.baseUrl().toString());
        environment.put("ACCOUNT_DB_URL", schema.url());
        environment.put("MANAGEMENT_PORT_PREFIX", "28");
        // The project's own DEBUG lines are checked too: an operator turns them on when something goes wrong.
        environment.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlogging.level.dev.wareg=DEBUG");
        // Six JVMs on a small machine: three at a time, so that each start fits in one run.sh call's limit.
        environment.put("START_TIMEOUT", "220");
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        deployment.start(SERVICES.subList(0, 3).toArray(String[]::new));
        deployment.start(SERVICES.subList(3, 6).toArray(String[]::new));
        sidecar.start(deployment.uri("whatsapp-web"), WHATSAPP_WEB_SECRET, Map.of("LOG_LEVEL", "debug"));

        String run = String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));
        registerEverythingOnTheWebChat(deployment.uri("web-chat"), "+5511977" + run + "101");
        registerOnWhatsApp("+5521966" + run + "202");
        registerOnWhatsAppWeb("+5561944" + run + "505");
        refusedRequests("+5531955" + run + "303");

        // Stopped, so that every line is written, shutdown included.
        sidecar.close();
        deployment.close();
        deployment = null;
        for (String service : SERVICES) {
            readLog(service, runDir.resolve(service + ".log"));
        }
        readLog(SIDECAR, sidecar.log());

        // The embedded default: one process, its events in the JDBC outbox, its PostgreSQL embedded; plain text.
        Path standaloneLog = runDir.resolve("standalone.log");
        Files.deleteIfExists(standaloneLog);
        int port = FreePorts.next();
        Path jar = LocalDeployment.repositoryRoot().resolve("app/standalone/target/standalone-0.1.0-SNAPSHOT.jar");
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-Dlogging.level.dev.wareg=DEBUG", "-jar", jar.toString(),
                "--server.port=" + port, "--wareg.standalone.database.port=" + FreePorts.next(),
                "--wareg.standalone.database.temporary=true"));
        command.addAll(SystemTestsClient.accountApiArguments());
        standalone = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(standaloneLog.toFile()).start();
        URI embedded = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!healthy(embedded)) {
            assertThat(standalone.isAlive()).as("the embedded default is starting (see %s)", standaloneLog).isTrue();
            assertThat(System.nanoTime()).as("the embedded default started in time").isLessThan(deadline);
            Thread.sleep(250);
        }
        registerEverythingOnTheWebChat(embedded, "+5541988" + run + "404");
        stopTheEmbeddedDefault();
        readLog("embedded default", standaloneLog);
    }

    private static boolean healthy(URI application) throws InterruptedException {
        try {
            return send(HttpRequest.newBuilder(application.resolve("/health"))).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** As a platform stops it: SIGTERM, then it finishes what it is handling. */
    private static void stopTheEmbeddedDefault() throws InterruptedException {
        if (standalone != null && standalone.isAlive()) {
            standalone.destroy();
            if (!standalone.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                standalone.destroyForcibly().waitFor();
            }
        }
    }

    @AfterAll
    static void undeploy() throws InterruptedException {
        try {
            stopTheEmbeddedDefault();
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
        }
    }

    @Test
    void noLogLineLooksLikeAPhoneEmailCpfOrCepOrHoldsAnythingThePeopleTyped() {
        var personal = PersonalData.patternsAnd(typed);
        var soft = new SoftAssertions();
        logs.forEach((service, lines) -> {
            for (String line : lines) {
                soft.assertThat(personal.findIn(line)).as("%s logged: %s", service, line).isEmpty();
            }
        });
        soft.assertAll();
    }

    /** The scan read real logs: every service wrote JSON lines that name it, and the conversations were logged. */
    @Test
    void theServicesLoggedJsonLinesThatNameThem() {
        for (String service : SERVICES) {
            assertThat(jsonLines.get(service)).as(service).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.path("service").path("name").asString()).isEqualTo(service));
        }
        assertThat(jsonLines.get("web-chat")).as("the web chat's DEBUG line per message, the sender masked")
                .anyMatch(line -> line.path("message").asString().matches("Web chat message \\S+ from \\+55\\*+\\d{4}"));
        assertThat(jsonLines.get("account-api")).anyMatch(line -> line.path("message").asString().endsWith("registered"))
                .as("the field and reason of a refused value, nothing of the value")
                .anyMatch(line -> line.path("message").asString().equals("Refused email (format)"));
        assertThat(jsonLines.get(SIDECAR)).as("the sidecar's JSON lines: the messages it forwarded and sent")
                .anyMatch(line -> line.path("msg").asString().equals("inbound.forwarded"))
                .anyMatch(line -> line.path("msg").asString().equals("outbound.sent"));
    }

    @Test
    void theEmbeddedDefaultLoggedPlainTextForTheDeveloperRunningIt() {
        assertThat(logs.get("embedded default")).as("the embedded default's log").isNotEmpty()
                .noneMatch(line -> line.startsWith("{"))
                .anyMatch(line -> line.contains("Started StandaloneApplication"))
                .anyMatch(line -> line.matches(".*Web chat message \\S+ from \\+55\\*+\\d{4}$"));
    }

    /**
     * A new person registers on the web chat with an invalid e-mail and a correction, then gives a CPF (a wrong one
     * first), a birth date (an impossible one first) and an address under a CEP the lookup does not know.
     */
    private static void registerEverythingOnTheWebChat(URI webChat, String phone) throws Exception {
        String digits = phone.substring(phone.length() - 4);
        String name = "Heloísa Quaresma Pimentel";
        String wrongEmail = "heloisa.quaresma" + digits + "@@exemplo";
        String email = "heloisa.quaresma" + digits + "@exemplo.com.br";
        String corrected = "helo.pimentel" + digits + "@exemplo.com.br";
        rememberPhone(phone);
        remember(name, "Quaresma Pimentel", wrongEmail, email, corrected, "heloisa.quaresma" + digits,
                "helo.pimentel" + digits, "529.982.247-26", "52998224726", "529.982.247-25", "52998224725",
                "31/02/1990", "17/05/1990", "1990-05-17", "13010-001", "13010001", "Rua dos Girassóis Azuis",
                "Girassóis Azuis", "Bloco Jacarandá 12", "Jacarandá", "Jardim Quaresmeira", "Quaresmeira");
        var heloisa = new ChatUser(http, webChat, phone);
        converse(heloisa, "oi", reply -> reply.contains("Quer se cadastrar"));
        converse(heloisa, "sim", reply -> reply.equals("Qual é o seu nome completo?"));
        converse(heloisa, name, reply -> reply.equals("Qual é o seu e-mail?"));
        converse(heloisa, wrongEmail, reply -> reply.startsWith("Esse e-mail não parece válido"));
        converse(heloisa, email, reply -> reply.contains("Posso salvar?"));
        converse(heloisa, "na verdade o email é " + corrected, reply -> reply.contains("Posso salvar?"));
        converse(heloisa, "sim", reply -> reply.startsWith("Pronto!"));

        converse(heloisa, "quero informar meu cpf", reply -> reply.equals("Qual é o seu CPF?"));
        converse(heloisa, "529.982.247-26", reply -> reply.startsWith("Esse CPF não é válido"));
        converse(heloisa, "529.982.247-25", reply -> reply.contains("Posso salvar?"));
        converse(heloisa, "sim", reply -> reply.startsWith("Pronto!"));

        converse(heloisa, "quero mudar minha data de nascimento", reply -> reply.contains("data de nascimento"));
        converse(heloisa, "31/02/1990", reply -> reply.contains("dd/mm/aaaa"));
        converse(heloisa, "17/05/1990", reply -> reply.contains("Posso salvar?"));
        converse(heloisa, "sim", reply -> reply.startsWith("Pronto!"));

        converse(heloisa, "quero mudar meu endereço", reply -> reply.equals("Qual é o CEP do novo endereço?"));
        converse(heloisa, "13010-001", reply -> reply.equals("Qual é a rua (ou avenida)?"));
        converse(heloisa, "Rua dos Girassóis Azuis", reply -> reply.startsWith("Qual é o número?"));
        converse(heloisa, "742", reply -> reply.contains("complemento"));
        converse(heloisa, "Bloco Jacarandá 12", reply -> reply.equals("Qual é o bairro?"));
        converse(heloisa, "Jardim Quaresmeira", reply -> reply.equals("Qual é a cidade?"));
        converse(heloisa, "Campinas", reply -> reply.startsWith("Qual é o estado"));
        converse(heloisa, "sp", reply -> reply.contains("Posso salvar?"));
        converse(heloisa, "sim", reply -> reply.startsWith("Pronto!"));

        converse(heloisa, "ver meus dados", reply -> reply.contains("***"));
    }

    /** A new person registers on WhatsApp, through Meta's signed webhook; the bot's replies go to the Graph API. */
    private static void registerOnWhatsApp(String phone) throws Exception {
        String digits = phone.substring(phone.length() - 4);
        String name = "Teodoro Bragança Valadares";
        String email = "teodoro.valadares" + digits + "@exemplo.com";
        rememberPhone(phone);
        remember(name, "Bragança Valadares", email, "teodoro.valadares" + digits);
        var teodoro = new WhatsAppUser(http, deployment.uri("cloud-api"), APP_SECRET, graph, phone);
        teodoro.say("oi");
        awaitOnWhatsApp(teodoro, text -> text.contains("Quer se cadastrar"));
        teodoro.say("sim");
        awaitOnWhatsApp(teodoro, text -> text.equals("Qual é o seu nome completo?"));
        teodoro.say(name);
        awaitOnWhatsApp(teodoro, text -> text.equals("Qual é o seu e-mail?"));
        teodoro.say(email);
        awaitOnWhatsApp(teodoro, text -> text.contains("Posso salvar?"));
        teodoro.tap("Confirmar");
        awaitOnWhatsApp(teodoro, text -> text.startsWith("Pronto!"));

        // Heloísa's CPF: account-api refuses it (409), the worker keeps the request as a dead letter.
        teodoro.say("quero informar meu cpf");
        awaitOnWhatsApp(teodoro, text -> text.equals("Qual é o seu CPF?"));
        teodoro.say("529.982.247-25");
        awaitOnWhatsApp(teodoro, text -> text.contains("Posso salvar?"));
        teodoro.tap("Confirmar");
        awaitOnWhatsApp(teodoro, text -> text.contains("já pertence a outro cadastro"));

        // The Graph API fails: a 500 (retried), then an error whose details quote the number, as Meta's may.
        String digitsOnly = phone.substring(1);
        graph.failNext(2, GraphError.serverError());
        teodoro.say("ajuda");
        awaitOnWhatsApp(teodoro, text -> !text.isBlank());
        graph.failNext(2, GraphError.invalidParameter("Recipient " + digitsOnly + " (" + email + ") is not valid"));
        teodoro.say("ajuda");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (graph.calls().stream().noneMatch(call -> digitsOnly.equals(call.to()) && call.status() == 400)) {
            assertThat(System.nanoTime()).as("the refused send").isLessThan(deadline);
            Thread.sleep(100);
        }
        graph.reset();
    }

    /**
     * A new person registers on WhatsApp Web, writing to the sidecar as WhatsApp delivers a message: a mistyped
     * e-mail first, then a CPF and a CEP. The sidecar logs at debug; the Java channel gets their number as a JID.
     */
    private static void registerOnWhatsAppWeb(String phone) throws Exception {
        String digits = phone.substring(phone.length() - 4);
        String name = "Iracema Lacerda Montenegro";
        String wrongEmail = "iracema.montenegro" + digits + "@@exemplo";
        String email = "iracema.montenegro" + digits + "@exemplo.net";
        rememberPhone(phone);
        remember(name, "Lacerda Montenegro", wrongEmail, email, "iracema.montenegro" + digits,
                phone.substring(1) + "@s.whatsapp.net", "168.995.350-09", "16899535009", "70040-010", "70040010",
                "Quadra dos Ipês Roxos", "Ipês Roxos", "Setor Buritizal", "Buritizal",
                "Casa Aroeira 3", "Aroeira");
        var iracema = sidecar.person(phone);
        iracema.converse("oi", reply -> reply.contains("Quer se cadastrar"), PATIENCE);
        iracema.converse("sim", reply -> reply.equals("Qual é o seu nome completo?"), PATIENCE);
        iracema.converse(name, reply -> reply.equals("Qual é o seu e-mail?"), PATIENCE);
        iracema.converse(wrongEmail, reply -> reply.startsWith("Esse e-mail não parece válido"), PATIENCE);
        iracema.converse(email, reply -> reply.contains("Posso salvar?"), PATIENCE);
        iracema.converse("Confirmar", reply -> reply.startsWith("Pronto!"), PATIENCE);

        iracema.converse("quero informar meu cpf", reply -> reply.equals("Qual é o seu CPF?"), PATIENCE);
        iracema.converse("168.995.350-09", reply -> reply.contains("Posso salvar?"), PATIENCE);
        iracema.converse("Confirmar", reply -> reply.startsWith("Pronto!"), PATIENCE);

        iracema.converse("quero mudar meu endereço", reply -> reply.equals("Qual é o CEP do novo endereço?"), PATIENCE);
        iracema.converse("70040-010", reply -> reply.equals("Qual é a rua (ou avenida)?"), PATIENCE);
        iracema.converse("Quadra dos Ipês Roxos", reply -> reply.startsWith("Qual é o número?"), PATIENCE);
        iracema.converse("15", reply -> reply.contains("complemento"), PATIENCE);
        iracema.converse("Casa Aroeira 3", reply -> reply.equals("Qual é o bairro?"), PATIENCE);
        iracema.converse("Setor Buritizal", reply -> reply.equals("Qual é a cidade?"), PATIENCE);
        iracema.converse("Brasília", reply -> reply.startsWith("Qual é o estado"), PATIENCE);
        iracema.converse("df", reply -> reply.contains("Posso salvar?"), PATIENCE);
        iracema.converse("Confirmar", reply -> reply.startsWith("Pronto!"), PATIENCE);
    }

    /**
     * Requests refused for the personal data they carry: invalid values and a malformed body to account-api, a
     * lookup by phone and CPF without a token and with one (unknown), an invalid sender to the web chat.
     */
    private static void refusedRequests(String phone) throws Exception {
        rememberPhone(phone);
        remember("otavio.recusado@@exemplo", "Otávio Recusado", "111.444.777-36", "11144477736", "2999-01-01");
        var tokens = SystemTestsClient.tokens();
        URI accounts = deployment.uri("account-api").resolve("/v1/accounts");
        String invalid = """
                {"phone": "%s", "name": "Otávio Recusado", "email": "otavio.recusado@@exemplo",
                 "cpf": "111.444.777-36", "birthDate": "2999-01-01"}""".formatted(phone);
        assertThat(send(HttpRequest.newBuilder(accounts).header("Authorization", tokens.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(invalid)))
                .statusCode()).isBetween(400, 422);
        String malformed = """
                {"phone": "%s", "name": "Otávio Recusado", "birthDate": [1, 2""".formatted(phone);
        assertThat(send(HttpRequest.newBuilder(accounts).header("Authorization", tokens.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(malformed)))
                .statusCode()).isEqualTo(400);
        String wrongType = """
                {"phone": "%s", "name": {"first": "Otávio Recusado"}}""".formatted(phone);
        assertThat(send(HttpRequest.newBuilder(accounts).header("Authorization", tokens.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(wrongType)))
                .statusCode()).isEqualTo(400);
        URI byPhone = URI.create(accounts + "?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(send(HttpRequest.newBuilder(byPhone).GET()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(byPhone).header("Authorization", tokens.authorization()).GET())
                .statusCode()).isEqualTo(404);
        URI byCpf = URI.create(accounts + "?cpf=11144477736");
        assertThat(send(HttpRequest.newBuilder(byCpf).header("Authorization", tokens.authorization()).GET())
                .statusCode()).isBetween(400, 404);
        URI webChat = deployment.uri("web-chat").resolve("/web-chat/api/sessions/codes");
        String notAPhone = """
                {"from": "(31) 5553-0303 Otávio Recusado"}""";
        assertThat(send(HttpRequest.newBuilder(webChat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notAPhone))).statusCode()).isEqualTo(400);
        remember("(31) 5553-0303", "5553-0303");
    }

    private static void readLog(String service, Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        List<JsonNode> json = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            texts.add(line);
            if (line.startsWith("{")) {
                // Decoded too: JSON may escape what the person typed ("\u00e1", "\u002b").
                JsonNode node = JSON.readTree(line);
                json.add(node);
                texts.add(String.join(" ", valuesOf(node)));
            }
        }
        logs.put(service, texts);
        jsonLines.put(service, json);
    }

    private static List<String> valuesOf(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isValueNode()) {
            values.add(node.asString());
        }
        node.forEach(child -> values.addAll(valuesOf(child)));
        return values;
    }

    private static void rememberPhone(String phone) {
        String national = phone.substring(5);
        remember(phone, phone.substring(1), national, "(" + phone.substring(3, 5) + ") " + national.substring(0, 5)
                + "-" + national.substring(5));
    }

    private static void remember(String... values) {
        typed.addAll(List.of(values));
    }

    private static void converse(ChatUser person, String text, Predicate<String> reply) throws InterruptedException {
        person.say(text, PATIENCE);
        assertThat(person.awaitReply(reply, PATIENCE)).as("the reply to " + text).isPresent();
    }

    private static void awaitOnWhatsApp(WhatsAppUser person, Predicate<String> text) throws InterruptedException {
        assertThat(person.awaitReply(call -> call.text() != null && text.test(call.text()), PATIENCE)).isPresent();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
