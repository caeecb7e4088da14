package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.wareg.testsupport.TestPostgres;
import dev.wareg.testsupport.TestRedis;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure erases in the distributed mode, as {@code deploy/local/run.sh} starts it: a person registers through the
 * web chat with values found nowhere else (name, two e-mails, a correction, CPF, birth date, a whole address), says
 * "apagar meus dados" and "sim", and hears "Pronto, seus dados foram apagados" (on the page, signed in again: the
 * session that asked ended with the erasure). Then every store the deployment uses is scanned for every value in
 * every form: each table of its PostgreSQL schema (account-api's, {@code ACCOUNT_DB_URL}), each key of its Redis
 * (database 0, the chat's conversations and the channels' message ids: every key is read, whatever its type), each
 * message still in a queue of its RabbitMQ namespace (once the services took what was published, that is the dead
 * letters: read with basic.get and put back; a queue that holds messages and refuses basic.get counts as a hit), and
 * each service's log. Nothing may be found. Before the erasure the same scan finds the values, so it is known to look
 * where they are.
 *
 * <p>The web chat keeps its transcripts, sessions and codes in memory (no store to scan); the page read after the
 * erasure shows that the transcript is gone. The WhatsApp Web sidecar's Redis outbox is not part of this deployment
 * (its tests, under {@code channels/whatsapp-web}, erase it against the real Redis).
 */
class ErasureScanIntegrationTests {

    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final List<String> SERVICES = List.of("account-api", "chat-service", "update-worker", "web-chat");
    private static final String FAREWELL = "Pronto, seus dados foram apagados";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static TestPostgres.Schema schema;
    private static LocalDeployment deployment;
    private static Path runDir;
    private static TestRedis redis;

    /** Each value in every form it may take, by what it is. */
    private static final Map<String, String> values = new LinkedHashMap<>();
    private static Map<String, List<String>> foundBefore;
    private static Map<String, List<String>> foundAfter;
    private static List<String> transcriptAfter;

    @BeforeAll
    static void registerEraseAndScan() throws Exception {
        schema = TestPostgres.freshSchema();
        Map<String, Integer> ports = LocalDeployment.ports("27", SERVICES);
        runDir = Path.of("target", "erasure-scan-deployment").toAbsolutePath();
        Files.createDirectories(runDir);
        var environment = new HashMap<String, String>();
        environment.put("ACCOUNT_DB_URL", schema.url());
        environment.put("MANAGEMENT_PORT_PREFIX", "27");
        environment.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.put("START_TIMEOUT", "220");
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        redis = TestRedis.connect();
        deployment.start(SERVICES.toArray(String[]::new));

        String run = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
        String phone = "+5511986" + run + "17";
        addPhone(phone);
        String mistyped = "quintiliano.engano" + run + "@exemplo-apagavel.com.br";
        String email = "quintiliano.zebedeu" + run + "@exemplo-apagavel.com.br";
        values.put("name", "Quintiliano Zebedeu Tamandaré");
        values.put("surname", "Zebedeu");
        values.put("mistyped e-mail, corrected", mistyped);
        values.put("e-mail", email);
        values.put("CPF", "71428793860");
        values.put("CPF as typed", "714.287.938-60");
        values.put("birth date", "1949-08-26");
        values.put("birth date as typed", "26/08/1949");
        values.put("postal code", "68371-904");
        values.put("postal code digits", "68371904");
        values.put("street", "Travessa Ximbuí Caraparu");
        values.put("street's distinctive word", "Ximbu");
        values.put("complement", "Casa Guarajuba");
        values.put("district", "Vila Uruçanga");
        values.put("city", "Xinguara");

        var person = new ChatUser(http, deployment.uri("web-chat"), phone);
        converse(person, "oi", reply -> reply.contains("Quer se cadastrar"));
        converse(person, "sim", reply -> reply.equals("Qual é o seu nome completo?"));
        converse(person, values.get("name"), reply -> reply.equals("Qual é o seu e-mail?"));
        converse(person, mistyped, reply -> reply.contains("Posso salvar?"));
        converse(person, "na verdade o email é " + email, reply -> reply.contains("Posso salvar?"));
        converse(person, "sim", reply -> reply.startsWith("Pronto!"));
        converse(person, "quero informar meu cpf", reply -> reply.equals("Qual é o seu CPF?"));
        converse(person, values.get("CPF as typed"), reply -> reply.contains("Posso salvar?"));
        converse(person, "sim", reply -> reply.startsWith("Pronto!"));
        converse(person, "quero mudar minha data de nascimento", reply -> reply.contains("data de nascimento"));
        converse(person, values.get("birth date as typed"), reply -> reply.contains("Posso salvar?"));
        converse(person, "sim", reply -> reply.startsWith("Pronto!"));
        converse(person, "quero mudar meu endereço", reply -> reply.equals("Qual é o CEP do novo endereço?"));
        converse(person, values.get("postal code"), reply -> reply.equals("Qual é a rua (ou avenida)?"));
        converse(person, values.get("street"), reply -> reply.startsWith("Qual é o número?"));
        converse(person, "5147", reply -> reply.contains("complemento"));
        converse(person, values.get("complement"), reply -> reply.equals("Qual é o bairro?"));
        converse(person, values.get("district"), reply -> reply.equals("Qual é a cidade?"));
        converse(person, values.get("city"), reply -> reply.startsWith("Qual é o estado"));
        converse(person, "pa", reply -> reply.contains("Posso salvar?"));
        converse(person, "sim", reply -> reply.startsWith("Pronto!"));
        awaitQueuesDrained();
        foundBefore = scanEverything();

        converse(person, "apagar meus dados", reply -> reply.startsWith("Pela LGPD você pode pedir"));
        // The session that asked ends with the erasure: the person signs in again (ChatUser does) and reads the
        // farewell, the only message of the number's new transcript.
        person.say("sim", PATIENCE);
        assertThat(person.awaitReply(reply -> reply.startsWith(FAREWELL), PATIENCE)).as("the bot's farewell")
                .isPresent();
        transcriptAfter = person.transcript();
        awaitQueuesDrained();
        foundAfter = scanEverything();
    }

    @AfterAll
    static void undeploy() throws Exception {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            if (schema != null) {
                schema.drop();
            }
        }
    }

    @Test
    void beforeTheErasureTheScanFindsTheValuesWhereTheyAre() {
        assertThat(foundBefore).as("the scan looks where the values are")
                .containsKey("PostgreSQL " + schema.name() + ".account.name")
                .containsKey("PostgreSQL " + schema.name() + ".account_change.new_value")
                .anySatisfy((where, what) -> assertThat(where).startsWith("Redis wareg:chat:conversation:"));
    }

    @Test
    void afterTheErasureNoTableNoRedisKeyNoQueuedMessageAndNoLogHoldsAnyOfThePersonsValues() throws Exception {
        Map<String, List<String>> found = new TreeMap<>(foundAfter);
        found.putAll(scanLogs());
        assertThat(found).as("where the erased person's values are still found (store, key or line: which values)")
                .isEmpty();
    }

    @Test
    void afterTheErasureThePageShowsTheFarewellAndNothingOfWhatWasSaid() {
        assertThat(transcriptAfter).as("the number's transcript after the erasure")
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).startsWith(FAREWELL));
    }

    /** Every store of the deployment, by where a value was found: which values. */
    private static Map<String, List<String>> scanEverything() throws Exception {
        Map<String, List<String>> found = new TreeMap<>();
        found.putAll(scanPostgres());
        found.putAll(scanRedis());
        found.putAll(scanRabbit());
        return found;
    }

    /** Every column of every table of the deployment's schema, as text. */
    private static Map<String, List<String>> scanPostgres() throws SQLException {
        Map<String, List<String>> found = new TreeMap<>();
        try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password())) {
            List<String> tables = new ArrayList<>();
            try (var statement = connection.prepareStatement("""
                    select table_name from information_schema.tables
                    where table_schema = ? and table_type = 'BASE TABLE'""")) {
                statement.setString(1, schema.name());
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertThat(tables).as("account-api's tables").contains("account", "account_change");
            for (String table : tables) {
                try (var statement = connection.createStatement();
                     var rows = statement.executeQuery("select * from \"" + schema.name() + "\".\"" + table + "\"")) {
                    var columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : String.valueOf(value);
                            record(found, "PostgreSQL " + schema.name() + "." + table + "."
                                    + columns.getColumnName(column), text);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every key of Redis database 0 (where the services keep theirs), whatever its type, name and contents. */
    private static Map<String, List<String>> scanRedis() {
        Map<String, List<String>> found = new TreeMap<>();
        StringRedisTemplate template = redis.template();
        int keys = 0;
        try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().count(1000).build())) {
            while (cursor.hasNext()) {
                String key = cursor.next();
                keys++;
                List<String> texts = new ArrayList<>(List.of(key));
                DataType type = template.type(key);
                switch (type) {
                    case STRING -> texts.add(template.opsForValue().get(key));
                    case HASH -> template.opsForHash().entries(key)
                            .forEach((field, value) -> texts.add(field + "=" + value));
                    case LIST -> texts.addAll(template.opsForList().range(key, 0, -1));
                    case SET -> texts.addAll(template.opsForSet().members(key));
                    case ZSET -> texts.addAll(template.opsForZSet().range(key, 0, -1));
                    case STREAM -> template.opsForStream().range(key, Range.unbounded())
                            .forEach(entry -> texts.add(String.valueOf(entry.getValue())));
                    default -> {
                        // NONE: expired between SCAN and TYPE.
                    }
                }
                for (String text : texts) {
                    record(found, "Redis " + key, text);
                }
            }
        }
        assertThat(keys).as("Redis keys scanned").isPositive();
        return found;
    }

    /**
     * Every message in every queue of the deployment's namespace, with its routing key and headers: taken with
     * basic.get without acknowledging, and put back when the channel closes.
     */
    private static Map<String, List<String>> scanRabbit() throws Exception {
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, Long> queues = deployment.rabbit().queues();
        assertThat(queues).as("the namespace's queues").isNotEmpty();
        try (Connection connection = RabbitNamespace.connectionFactory().newConnection()) {
            for (Map.Entry<String, Long> queue : queues.entrySet()) {
                if (queue.getValue() == 0) {
                    continue;
                }
                // A channel per queue: a refused basic.get closes its channel, and closing it puts back what it took.
                Channel channel = connection.createChannel();
                try {
                    GetResponse message;
                    while ((message = channel.basicGet(queue.getKey(), false)) != null) {
                        String where = "RabbitMQ " + queue.getKey() + " message " + message.getProps().getMessageId();
                        record(found, where, message.getEnvelope().getRoutingKey());
                        record(found, where, String.valueOf(message.getProps().getHeaders()));
                        record(found, where, new String(message.getBody(), StandardCharsets.UTF_8));
                    }
                } catch (IOException refused) {
                    // A quorum queue with a single active consumer refuses basic.get: what it holds is not known,
                    // so it counts as found rather than as clean.
                    found.put("RabbitMQ " + queue.getKey() + " (" + queue.getValue() + " messages, unreadable: "
                            + refused.getCause() + ")", List.of("unknown"));
                } finally {
                    if (channel.isOpen()) {
                        channel.close();
                    }
                }
            }
        }
        return found;
    }

    /** Every line of every service's log, JSON lines decoded too. */
    private static Map<String, List<String>> scanLogs() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        for (String service : SERVICES) {
            List<String> lines = Files.readAllLines(runDir.resolve(service + ".log"), StandardCharsets.UTF_8);
            assertThat(lines).as(service + "'s log").isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                record(found, "log " + service + " line " + (i + 1), lines.get(i));
            }
        }
        return found;
    }

    /** Records which values {@code text} holds, raw and, for JSON, with its strings decoded. */
    private static void record(Map<String, List<String>> found, String where, String text) {
        if (text == null) {
            return;
        }
        String searched = text + " " + decoded(text);
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (searched.toLowerCase().contains(value.getValue().toLowerCase())) {
                found.computeIfAbsent(where, key -> new ArrayList<>()).add(value.getKey());
            }
        }
    }

    private static String decoded(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[") && !trimmed.startsWith("\"")) {
            return "";
        }
        try {
            List<String> strings = new ArrayList<>();
            collect(JSON.readTree(trimmed), strings);
            return String.join(" ", strings);
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static void collect(JsonNode node, List<String> strings) {
        if (node.isString()) {
            String inner = node.asString();
            strings.add(inner);
            strings.add(decoded(inner));
        } else if (node.isValueNode()) {
            strings.add(node.asString());
        }
        node.forEach(child -> collect(child, strings));
    }

    private static void addPhone(String phone) {
        String digits = phone.substring(1);
        values.put("phone", phone);
        values.put("phone without +", digits);
        values.put("phone without the ninth digit", digits.substring(0, 4) + digits.substring(5));
        values.put("phone, national", digits.substring(4));
    }

    /**
     * Until every queue of the namespace but the dead-letter ones is empty: the services took everything published,
     * so what is left is only what the bus keeps.
     */
    private static void awaitQueuesDrained() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Long> busy;
        do {
            Thread.sleep(500);
            busy = new TreeMap<>(deployment.rabbit().queues());
            busy.entrySet().removeIf(queue -> queue.getValue() == 0 || queue.getKey().endsWith(".dead-letters"));
        } while (!busy.isEmpty() && System.nanoTime() < deadline);
        assertThat(busy).as("queues still holding messages").isEmpty();
        // The last handler may still be writing (the chat saving its state after the message it acknowledged).
        Thread.sleep(1000);
    }

    private static void converse(ChatUser person, String text, Predicate<String> reply) throws InterruptedException {
        person.say(text, PATIENCE);
        assertThat(person.awaitReply(reply, PATIENCE)).as("the reply to " + text).isPresent();
    }
}
