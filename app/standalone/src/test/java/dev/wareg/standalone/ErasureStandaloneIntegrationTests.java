package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PersonSubjects;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.WhatsAppUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure erases: a person registers on WhatsApp (the Cloud API webhook of the embedded default) with values found
 * nowhere else, the account is erased (by an operator through the API, or by the worker for a request of the
 * conversation), and once the erasure's announcement is handled no column of any table of the embedded PostgreSQL,
 * nor the log, holds any of those values in any form. What the
 * law asks to keep (docs/privacy.md) holds none of them: the audit rows keep who, when and which field, not values.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"WHATSAPP_APP_SECRET=" + ErasureStandaloneIntegrationTests.SECRET,
                "WHATSAPP_ACCESS_TOKEN=" + ErasureStandaloneIntegrationTests.TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID=" + MetaWebhooks.PHONE_NUMBER_ID})
@ExtendWith(OutputCaptureExtension.class)
class ErasureStandaloneIntegrationTests {

    static final String SECRET = "standalone-erasure-app-secret";
    static final String TOKEN = "standalone-erasure-access-token";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int PORT = FreePorts.next();
    private static final FakeGraphApi graph = FakeGraphApi.start(TOKEN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Stores kept by modules outside this change that still hold a person's values after an erasure, by table: named
     * here so that the scan says who still holds what, instead of skipping them silently. None today: the chat's
     * conversation state ({@code chat_conversation}) was the last, and it forgets on AccountErased.
     */
    private static final Map<String, String> HELD_ELSEWHERE = Map.of();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        StandaloneTest.Base.trustTheTestClients(registry);
        registry.add("WHATSAPP_GRAPH_BASE_URL", () -> graph.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Autowired
    DataSource database;

    @Autowired
    EventBus bus;

    /** A person with values found nowhere else, registered on WhatsApp with all of them. */
    private record Person(String phone, String name, String email, String cpf, String birthDate, String postalCode,
                          String street, String complement, String district, String city) {

        String cpfAsTyped() {
            return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
        }

        String birthDateIso() {
            return birthDate.substring(6) + "-" + birthDate.substring(3, 5) + "-" + birthDate.substring(0, 2);
        }

        /** Each value in every form it may take, by what it is. */
        Map<String, String> forms() {
            String digits = phone.substring(1);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("phone", phone);
            values.put("phone without +", digits);
            values.put("phone without the ninth digit", digits.substring(0, 4) + digits.substring(5));
            values.put("name", name);
            values.put("surname", name.substring(name.lastIndexOf(' ') + 1));
            values.put("e-mail", email);
            values.put("CPF", cpf);
            values.put("CPF as typed", cpfAsTyped().substring(0, 11));
            values.put("birth date", birthDateIso());
            values.put("birth date as typed", birthDate);
            values.put("postal code", postalCode);
            values.put("postal code digits", postalCode.replace("-", ""));
            values.put("street", street.substring(street.indexOf(' ') + 1));
            values.put("complement", complement.substring(complement.indexOf(' ') + 1));
            values.put("district", district.substring(district.indexOf(' ') + 1));
            values.put("city", city);
            return values;
        }
    }

    @Test
    void afterAnOperatorsErasureNoTableAndNoLogHoldsAnyOfThePersonsValues(CapturedOutput output) throws Exception {
        var zuleica = new Person(newPhone(), "Zuleica Xandoval Quirguiz", "zuleica.quirguiz@exemplo-apagavel.com.br",
                cpf("397164528"), "23/07/1961", "69915-632", "Travessa Xingu Oiapoque", "Casa Quaresmeira",
                "Jardim Ubiratã Zenóbio", "Xapuri");
        String id = register(zuleica);

        call(HttpRequest.newBuilder(api("/v1/accounts/" + id)).header("Authorization", token("accounts:erase"))
                .header("X-Correlation-Id", "privacy-ticket-1").DELETE(), 204);

        awaitErasureHandled(id);
        assertForgotten(zuleica, id, output);
    }

    @Test
    void afterAnErasureAskedInTheConversationNoTableAndNoLogHoldsAnyOfThePersonsValues(CapturedOutput output)
            throws Exception {
        var ximena = new Person(newPhone(), "Ximena Quevedo Brandolini", "ximena.brandolini@exemplo-apagavel.com.br",
                cpf("284619370"), "04/11/1973", "78932-417", "Rua Jequitinhonha Zambeze", "Sala Quixabeira",
                "Vila Itaquaquecetuba Norte", "Xinguara");
        String id = register(ximena);
        List<AccountErased> announced = new CopyOnWriteArrayList<>();
        bus.subscribe("erasure-tests", AccountErased.class, announced::add);

        // What the chat publishes once the person confirmed (that dialogue is the chat's own change).
        var request = new AccountErasureRequested(UUID.randomUUID(), Instant.now(), UUID.fromString(id), "cloud-api",
                ximena.phone().substring(1));
        bus.publish(request);

        await().atMost(PATIENCE).until(() -> !announced.isEmpty());
        assertThat(announced).singleElement().satisfies(erased -> {
            assertThat(erased.requestId()).as("answers the request").isEqualTo(request.eventId());
            assertThat(erased.channel()).isEqualTo("cloud-api");
            assertThat(erased.conversationId()).isEqualTo(ximena.phone().substring(1));
        });
        awaitErasureHandled(id);
        assertForgotten(ximena, id, output);
    }

    @Test
    void afterAnErasureAskedAndConfirmedInTheWebChatNoTableNoTranscriptAndNoLogHoldsAnyOfThePersonsValues(
            CapturedOutput output) throws Exception {
        var yolanda = new Person(newPhone(), "Yolanda Wenceslau Pirapitinga",
                "yolanda.pirapitinga@exemplo-apagavel.com.br", cpf("518273946"), "17/02/1958", "57942-863",
                "Beco Tocantins Urucum", "Fundos Jabuticabeira", "Sítio Cambuci Ypiranga", "Xambioá");
        String mistypedEmail = "yolanda.engano@exemplo-apagavel.com.br";
        List<SendMessage> farewells = new CopyOnWriteArrayList<>();
        bus.subscribe("erasure-tests-farewells", SendMessage.class, message -> {
            if (message.text().startsWith("Pronto, seus dados foram apagados")) {
                farewells.add(message);
            }
        });

        // The whole registration in the web chat, one field at a time, with a correction before the first save.
        // With the Cloud API configured, the web chat's one-time codes reach the number over WhatsApp.
        var phone = new WhatsAppUser(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + PORT), SECRET,
                graph, yolanda.phone());
        Supplier<String> code = () -> lastCode(phone);
        var chat = new WebChatDialogue("http://127.0.0.1:" + PORT, yolanda.phone()).signIn("cloud-api", code);
        chat.user("oi").botSays(reply -> reply.contains("Quer se cadastrar agora?"));
        chat.user("sim").botSays("Qual é o seu nome completo?"::equals);
        chat.user(yolanda.name()).botSays("Qual é o seu e-mail?"::equals);
        chat.user(mistypedEmail).botSays(reply -> reply.endsWith("Posso salvar?"));
        chat.user("na verdade o email é " + yolanda.email()).botSays(reply -> reply.endsWith("Posso salvar?"));
        chat.user("sim").botSays(reply -> reply.startsWith("Pronto!"));
        chat.user("quero informar meu cpf").botSays("Qual é o seu CPF?"::equals);
        chat.user(yolanda.cpfAsTyped()).botSays(reply -> reply.endsWith("Posso salvar?"));
        chat.user("sim").botSays(reply -> reply.startsWith("Pronto!"));
        chat.user("quero mudar minha data de nascimento")
                .botSays(reply -> reply.startsWith("Qual é a sua data de nascimento"));
        chat.user(yolanda.birthDate()).botSays(reply -> reply.endsWith("Posso salvar?"));
        chat.user("sim").botSays(reply -> reply.startsWith("Pronto!"));
        chat.user("quero mudar meu endereço").botSays("Qual é o CEP do novo endereço?"::equals);
        chat.user(yolanda.postalCode()).botSays("Qual é a rua (ou avenida)?"::equals);
        chat.user(yolanda.street()).botSays(reply -> reply.startsWith("Qual é o número?"));
        chat.user("7311").botSays(reply -> reply.startsWith("Qual é o complemento"));
        chat.user(yolanda.complement()).botSays("Qual é o bairro?"::equals);
        chat.user(yolanda.district()).botSays("Qual é a cidade?"::equals);
        chat.user(yolanda.city()).botSays(reply -> reply.startsWith("Qual é o estado"));
        chat.user("to").botSays(reply -> reply.endsWith("Posso salvar?"));
        chat.user("sim").botSays(reply -> reply.startsWith("Pronto!"));
        var account = accountOf(yolanda);
        assertThat(account.get("email").asString()).as("the correction was saved").isEqualTo(yolanda.email());
        String id = account.get("id").asString();
        assertThat(scan(JdbcClient.create(database), Map.of("street", yolanda.forms().get("street"))))
                .as("before the erasure the scan finds the values").containsKeys("public.account.street",
                        "public.account_change.new_value");
        List<UUID> keyBefore = personKeyOf(yolanda.phone());
        assertThat(keyBefore).as("the events about her travel sealed under her key").hasSize(1);

        chat.user("apagar meus dados").botSays(reply -> reply.startsWith("Pela LGPD você pode pedir"));
        chat.user("sim");
        // The erasure may be done before the page polls again: then the session that asked has already ended.
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> page = chat.get("/web-chat/api/messages");
            return page.statusCode() == 401 || page.body().contains("Certo, estou apagando seus dados");
        });

        await().atMost(PATIENCE).until(() -> !farewells.isEmpty());
        assertThat(farewells).singleElement().satisfies(farewell -> {
            assertThat(farewell.channel()).isEqualTo("web-chat");
            assertThat(farewell.recipient()).isEqualTo(yolanda.phone());
        });
        awaitErasureHandled(id);
        awaitBusDrained();

        // The web chat forgot the transcript and ended the session that asked: the page can read nothing back.
        HttpResponse<String> transcript = chat.get("/web-chat/api/messages");
        assertThat(transcript.statusCode()).as(transcript.body()).isIn(401, 200);
        if (transcript.statusCode() == 200) {
            assertThat(chat.json(transcript).valueStream().toList()).as("the transcript").isEmpty();
        }
        // Signed in again, the number's transcript shows at most the bot's farewell, which holds none of the values.
        var again = new WebChatDialogue("http://127.0.0.1:" + PORT, yolanda.phone()).signIn("cloud-api", code);
        List<String> shown = again.json(again.get("/web-chat/api/messages")).valueStream()
                .map(message -> message.get("text").asString()).toList();
        assertThat(shown).as("the number's transcript after the erasure")
                .allSatisfy(text -> assertThat(text).startsWith("Pronto, seus dados foram apagados"));

        Map<String, String> values = new LinkedHashMap<>(yolanda.forms());
        values.put("the mistyped e-mail, corrected in the conversation", mistypedEmail);
        assertForgotten(values, id, output);
        assertThat(personKeyOf(yolanda.phone())).as("her key was destroyed; the farewell has a new one")
                .doesNotContainAnyElementsOf(keyBefore);
    }

    /** The id of the key the events about this number are sealed under now, if it has one. */
    private List<UUID> personKeyOf(String phone) {
        return JdbcClient.create(database).sql("select key_id from messaging_person_key where subject = ?")
                .param(PersonSubjects.of(phone)).query(UUID.class).list();
    }

    /** The text of the next message to the person that carries a six-digit code (the web chat's sign-in). */
    private static String lastCode(WhatsAppUser person) {
        try {
            return person.awaitReply(call -> call.text() != null && call.text().matches("(?s).*\\b\\d{6}\\b.*"),
                    PATIENCE).orElseThrow().text();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Registers the person through the webhook, field by field as a person would, and returns the account id. */
    private String register(Person person) throws Exception {
        var user = new WhatsAppUser(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + PORT), SECRET,
                graph, person.phone());
        user.say("oi");
        expect(user, reply -> reply.contains("Quer se cadastrar agora?"));
        user.tap("Sim");
        expect(user, "Qual é o seu nome completo?"::equals);
        user.say(person.name());
        expect(user, "Qual é o seu e-mail?"::equals);
        user.say(person.email());
        confirm(user);

        user.say("quero informar meu cpf");
        expect(user, "Qual é o seu CPF?"::equals);
        user.say(person.cpfAsTyped());
        confirm(user);

        user.say("quero mudar minha data de nascimento");
        expect(user, reply -> reply.startsWith("Qual é a sua data de nascimento"));
        user.say(person.birthDate());
        confirm(user);

        user.say("quero mudar meu endereço");
        expect(user, "Qual é o CEP do novo endereço?"::equals);
        user.say(person.postalCode());
        expect(user, "Qual é a rua (ou avenida)?"::equals);
        user.say(person.street());
        expect(user, reply -> reply.startsWith("Qual é o número?"));
        user.say("7311");
        expect(user, reply -> reply.startsWith("Qual é o complemento"));
        user.say(person.complement());
        expect(user, "Qual é o bairro?"::equals);
        user.say(person.district());
        expect(user, "Qual é a cidade?"::equals);
        user.say(person.city());
        expect(user, reply -> reply.startsWith("Qual é o estado"));
        user.say("ac");
        confirm(user);

        return accountOf(person).get("id").asString();
    }

    private JsonNode accountOf(Person person) throws Exception {
        var account = JSON.readTree(call(HttpRequest.newBuilder(
                        api("/v1/accounts?phone=" + person.phone().replace("+", "%2B")))
                .header("Authorization", token("accounts:read")).GET(), 200));
        assertThat(account.get("cpf").asString()).isEqualTo(person.cpf());
        assertThat(account.get("birthDate").asString()).isEqualTo(person.birthDateIso());
        assertThat(account.get("address").get("city").asString()).isEqualTo(person.city());
        return account;
    }

    /**
     * Until the bus has nothing left to deliver and no payload left to drop: the bot's farewell, published after the
     * erasure was announced, names the person until every subscriber took it.
     */
    private void awaitBusDrained() {
        JdbcClient jdbc = JdbcClient.create(database);
        awaitOrExplain(jdbc, () -> jdbc.sql("""
                        select (select count(*) from messaging_delivery)
                             + (select count(*) from messaging_outbox where payload is not null)""")
                .query(Long.class).single() == 0);
    }

    /**
     * Until every subscriber handled the account's AccountErased: no delivery of it is left and its payload is gone
     * (the purge may already have removed the whole row). The erasure and its announcement are one transaction on
     * this bus, so once the erasure is done the event was published.
     */
    private void awaitErasureHandled(String accountId) {
        JdbcClient jdbc = JdbcClient.create(database);
        UUID event = erasedEventId(accountId);
        awaitOrExplain(jdbc, () -> jdbc.sql("""
                        select not exists (select 1 from messaging_delivery where event_id = :event)
                           and not exists (select 1 from messaging_outbox where event_id = :event and payload is not null)""")
                .param("event", event)
                .query(Boolean.class).single());
    }

    /** Waits for {@code condition}; when it times out, says which deliveries are still pending and why. */
    private static void awaitOrExplain(JdbcClient jdbc, Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("still to be delivered (subscriber, event, status, attempts, reason): "
                    + jdbc.sql("""
                            select delivery.subscriber || ' ' || outbox.type || ' ' || delivery.status || ' '
                                   || delivery.attempts || ' ' || coalesce(delivery.reason, '')
                            from messaging_delivery delivery join messaging_outbox outbox using (event_id)
                            order by delivery.id""")
                    .query(String.class).list(), e);
        }
    }

    private void assertForgotten(Person person, String accountId, CapturedOutput output) {
        assertForgotten(person.forms(), accountId, output);
    }

    private void assertForgotten(Map<String, String> values, String accountId, CapturedOutput output) {
        JdbcClient jdbc = JdbcClient.create(database);
        Map<String, List<String>> found = scan(jdbc, values);
        Map<String, List<String>> ours = new TreeMap<>(found);
        Map<String, List<String>> elsewhere = new TreeMap<>();
        HELD_ELSEWHERE.keySet().forEach(table -> ours.keySet().stream().filter(column -> column.startsWith(table + "."))
                .toList().forEach(column -> elsewhere.put(column + " (" + HELD_ELSEWHERE.get(table) + ")",
                        ours.remove(column))));
        assertThat(ours).as("columns of account-api, the bus and the channel still holding the person's values")
                .isEmpty();
        assertThat(output.getAll()).as("the log is captured").contains("Account " + accountId + " erased");
        assertThat(values.entrySet()).as("the log").noneMatch(value -> output.getAll().contains(value.getValue()));
        assertThat(jdbc.sql("select count(*) from account_change where account_id = ?::uuid and kind = 'erased'")
                .param(accountId).query(Long.class).single()).as("the erasure itself is kept").isEqualTo(1);
        assertThat(elsewhere).as("stores outside this change still holding the person's values").isEmpty();
    }

    /** The id account-api gives the AccountErased event of an account (ErasureAnnouncements). */
    private static UUID erasedEventId(String accountId) {
        return UUID.nameUUIDFromBytes(("erased:" + accountId).getBytes(StandardCharsets.UTF_8));
    }

    private static String newPhone() {
        return "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /**
     * Every column of every table in every schema, as text (bytea decoded with escapes), searched for each value.
     *
     * @return the values found, by {@code schema.table.column}
     */
    private static Map<String, List<String>> scan(JdbcClient jdbc, Map<String, String> values) {
        record Column(String schema, String table, String name, String type) {
        }
        List<Column> columns = jdbc.sql("""
                        select c.table_schema, c.table_name, c.column_name, c.data_type
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where t.table_type = 'BASE TABLE'
                        and c.table_schema not in ('pg_catalog', 'information_schema')""")
                .query((row, n) -> new Column(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .list();
        assertThat(columns).as("the scan sees the tables").extracting(Column::table)
                .contains("account", "account_change", "messaging_outbox", "messaging_delivery");
        Map<String, List<String>> found = new TreeMap<>();
        for (Column column : columns) {
            String text = column.type().equals("bytea") ? "encode(\"" + column.name() + "\", 'escape')"
                    : "cast(\"" + column.name() + "\" as text)";
            for (Map.Entry<String, String> value : values.entrySet()) {
                long hits = jdbc.sql("select count(*) from \"" + column.schema() + "\".\"" + column.table() + "\""
                                + " where strpos(lower(" + text + "), lower(?)) > 0")
                        .param(value.getValue())
                        .query(Long.class).single();
                if (hits > 0) {
                    found.computeIfAbsent(column.schema() + "." + column.table() + "." + column.name(),
                            key -> new ArrayList<>()).add(value.getKey() + " (" + hits + " rows)");
                }
            }
        }
        return found;
    }

    private static void confirm(WhatsAppUser person) throws Exception {
        expect(person, reply -> reply.endsWith("Posso salvar?"));
        person.tap("Confirmar");
        expect(person, reply -> reply.startsWith("Pronto!"));
    }

    private static void expect(WhatsAppUser person, Predicate<String> reply) throws InterruptedException {
        assertThat(person.awaitReply(call -> reply.test(call.text()), PATIENCE)).as("a reply the dialogue expects")
                .isPresent();
    }

    private static String call(HttpRequest.Builder request, int expectedStatus) throws Exception {
        var response = HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static URI api(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static String token(String scope) {
        return new ServiceTokens("privacy-desk", List.of(scope), StandaloneTest.Base.PRIVACY_DESK,
                new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC()).authorization();
    }

    /** A valid CPF: the nine digits and their two check digits. */
    private static String cpf(String nine) {
        String digits = nine;
        for (int round = 0; round < 2; round++) {
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * (digits.length() + 1 - i);
            }
            int check = 11 - sum % 11;
            digits += check >= 10 ? 0 : check;
        }
        return digits;
    }
}
