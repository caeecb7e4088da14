package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.WhatsAppUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import javax.sql.DataSource;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure erases: a person registers on WhatsApp (the Cloud API webhook of the embedded default) with values found
 * nowhere else, an operator erases the account through the API, and once the erasure's announcement is handled no
 * column of any table of the embedded PostgreSQL, nor the log, holds any of those values in any form. What the
 * law asks to keep (docs/privacy.md) holds none of them: the audit rows keep who, when and which field, not values.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"WHATSAPP_APP_SECRET=" + ErasureStandaloneIntegrationTests.SECRET,
                "WHATSAPP_ACCESS_TOKEN=" + ErasureStandaloneIntegrationTests.TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID=" + MetaWebhooks.PHONE_NUMBER_ID,
                "wareg.service-auth.hmac-key=" + StandaloneTest.KEY})
@ExtendWith(OutputCaptureExtension.class)
class ErasureStandaloneIntegrationTests {

    static final String SECRET = "standalone-erasure-app-secret";
    static final String TOKEN = "standalone-erasure-access-token";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int PORT = FreePorts.next();
    private static final FakeGraphApi graph = FakeGraphApi.start(TOKEN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Stores kept by modules outside this change that still hold a person's values until they obey AccountErased,
     * by table: named here so that the scan says who still holds what, instead of skipping them silently.
     */
    private static final Map<String, String> HELD_ELSEWHERE = Map.of(
            "public.chat_conversation", "chat-service's conversation state, until the chat consumes AccountErased");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("WHATSAPP_GRAPH_BASE_URL", () -> graph.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Autowired
    DataSource database;

    @Test
    void afterAnErasureNoTableAndNoLogHoldsAnyOfThePersonsValues(CapturedOutput output) throws Exception {
        String phone = "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String cpf = cpf("397164528");
        var person = new WhatsAppUser(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + PORT), SECRET,
                graph, phone);

        person.say("oi");
        expect(person, reply -> reply.contains("Quer se cadastrar agora?"));
        person.tap("Sim");
        expect(person, "Qual é o seu nome completo?"::equals);
        person.say("Zuleica Xandoval Quirguiz");
        expect(person, "Qual é o seu e-mail?"::equals);
        person.say("zuleica.quirguiz@exemplo-apagavel.com.br");
        confirm(person);

        person.say("quero informar meu cpf");
        expect(person, "Qual é o seu CPF?"::equals);
        person.say(cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9));
        confirm(person);

        person.say("quero mudar minha data de nascimento");
        expect(person, reply -> reply.startsWith("Qual é a sua data de nascimento"));
        person.say("23/07/1961");
        confirm(person);

        person.say("quero mudar meu endereço");
        expect(person, "Qual é o CEP do novo endereço?"::equals);
        person.say("69915-632");
        expect(person, "Qual é a rua (ou avenida)?"::equals);
        person.say("Travessa Xingu Oiapoque");
        expect(person, reply -> reply.startsWith("Qual é o número?"));
        person.say("7311");
        expect(person, reply -> reply.startsWith("Qual é o complemento"));
        person.say("Casa Quaresmeira");
        expect(person, "Qual é o bairro?"::equals);
        person.say("Jardim Ubiratã Zenóbio");
        expect(person, "Qual é a cidade?"::equals);
        person.say("Xapuri");
        expect(person, reply -> reply.startsWith("Qual é o estado"));
        person.say("ac");
        confirm(person);

        var account = JSON.readTree(call(HttpRequest.newBuilder(api("/v1/accounts?phone=" + phone.replace("+", "%2B")))
                .header("Authorization", token("accounts:read")).GET(), 200));
        assertThat(account.get("cpf").asString()).isEqualTo(cpf);
        assertThat(account.get("birthDate").asString()).isEqualTo("1961-07-23");
        assertThat(account.get("address").get("city").asString()).isEqualTo("Xapuri");
        String id = account.get("id").asString();

        call(HttpRequest.newBuilder(api("/v1/accounts/" + id)).header("Authorization", token("accounts:erase"))
                .header("X-Correlation-Id", "privacy-ticket-1").DELETE(), 204);
        JdbcClient jdbc = JdbcClient.create(database);
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        select count(*) from messaging_outbox outbox
                        where outbox.type = 'AccountErased' and (outbox.payload is not null
                              or exists (select 1 from messaging_delivery delivery
                                         where delivery.event_id = outbox.event_id))""")
                .query(Long.class).single() == 0 && jdbc.sql("select count(*) from messaging_outbox"
                        + " where type = 'AccountErased'").query(Long.class).single() == 1);

        String digits = phone.substring(1);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phone", phone);
        values.put("phone without +", digits);
        values.put("phone without the ninth digit", digits.substring(0, 4) + digits.substring(5));
        values.put("name", "Zuleica Xandoval Quirguiz");
        values.put("surname", "Quirguiz");
        values.put("e-mail", "zuleica.quirguiz@exemplo-apagavel.com.br");
        values.put("CPF", cpf);
        values.put("CPF as typed", cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9));
        values.put("birth date", "1961-07-23");
        values.put("birth date as typed", "23/07/1961");
        values.put("postal code", "69915-632");
        values.put("postal code digits", "69915632");
        values.put("street", "Xingu Oiapoque");
        values.put("complement", "Quaresmeira");
        values.put("district", "Ubiratã Zenóbio");
        values.put("city", "Xapuri");

        Map<String, List<String>> found = scan(jdbc, values);
        Map<String, List<String>> ours = new TreeMap<>(found);
        Map<String, List<String>> elsewhere = new TreeMap<>();
        HELD_ELSEWHERE.keySet().forEach(table -> ours.keySet().stream().filter(column -> column.startsWith(table + "."))
                .toList().forEach(column -> elsewhere.put(column + " (" + HELD_ELSEWHERE.get(table) + ")",
                        ours.remove(column))));
        assertThat(ours).as("columns of account-api, the bus and the channel still holding the person's values")
                .isEmpty();
        assertThat(output.getAll()).as("the log is captured").contains("Account " + id + " erased");
        assertThat(values.entrySet()).as("the log").noneMatch(value -> output.getAll().contains(value.getValue()));
        assertThat(elsewhere).as("stores outside this change still holding the person's values").isEmpty();
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
        return new ServiceTokens("privacy-desk", List.of(scope),
                new ServiceAuthProperties(StandaloneTest.KEY, "wareg", "account-api"), Clock.systemUTC())
                .authorization();
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
