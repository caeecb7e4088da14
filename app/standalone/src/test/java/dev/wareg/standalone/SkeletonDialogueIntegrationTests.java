package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton through the running embedded default, over HTTP only: the web chat takes the messages,
 * chat-service holds the conversation, update-worker applies the confirmed change through account-api's HTTP
 * API, and the account ends up in (embedded) PostgreSQL.
 */
@StandaloneTest
class SkeletonDialogueIntegrationTests extends StandaloneTest.Base {

    @Test
    void aNewSenderRegistersAndThenUpdatesTheirEmail() {
        String phone = newPhone();
        var person = new WebChatDialogue(baseUrl(), phone);

        person.user("oi")
                .bot("Olá! Não encontrei um cadastro para este número. Quer se cadastrar agora? Leva menos de um minuto.")
                .user("sim")
                .bot("Ótimo, vamos fazer seu cadastro. Você pode digitar cancelar a qualquer momento.",
                        "Qual é o seu nome completo?")
                .user("maria da silva")
                .bot("Qual é o seu e-mail?")
                .user("maria@antigo.com.br")
                .bot("Confira seus dados:\nNome: Maria da Silva\nE-mail: maria@antigo.com.br\n\nPosso salvar?")
                .user("sim")
                .bot(unverified("maria@antigo.com.br"), "Um momento, estou salvando…",
                        "Pronto! Seu cadastro foi criado. Quando precisar mudar algo, é só me chamar.");

        JsonNode registered = account(person, phone);
        assertThat(registered.get("name").asString()).isEqualTo("Maria da Silva");
        assertThat(registered.get("email").asString()).isEqualTo("maria@antigo.com.br");
        long version = registered.get("version").asLong();

        person.user("quero atualizar meu email")
                .bot("Qual é o novo e-mail?")
                .user("maria@novo.com.br")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@novo.com.br\n\nPosso salvar?")
                .user("sim")
                .bot(unverified("maria@novo.com.br"), "Um momento, estou salvando…",
                        "Pronto! Seu cadastro foi atualizado (e-mail).");

        JsonNode updated = account(person, phone);
        assertThat(updated.get("email").asString()).isEqualTo("maria@novo.com.br");
        assertThat(updated.get("name").asString()).isEqualTo("Maria da Silva");
        assertThat(updated.get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void badInputGetsAClearAnswerAndStoresNothing() {
        String phone = newPhone();
        var person = new WebChatDialogue(baseUrl(), phone);

        person.user("")
                .bot("Não recebi nenhum texto. Escreva sua mensagem, por favor.")
                .user("x".repeat(10_000))
                .bot("Sua mensagem é muito longa. Envie só a informação pedida, com até 1.000 caracteres.")
                .user("quero me cadastrar")
                .bot("Ótimo, vamos fazer seu cadastro. Você pode digitar cancelar a qualquer momento.",
                        "Qual é o seu nome completo?")
                .user("João Souza")
                .bot("Qual é o seu e-mail?")
                .user("joao@@exemplo")
                .bot("Esse e-mail não parece válido. Envie no formato nome@exemplo.com.")
                .user("cancelar")
                .bot("Cancelado. Nada foi alterado.");

        var lookup = person.get("/v1/accounts?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(lookup.statusCode()).isEqualTo(404);
        assertThat(lookup.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anUnknownPhoneFormatIsAnsweredWithAProblem() {
        var person = new WebChatDialogue(baseUrl(), "+5511900000000");
        var response = person.post("/web-chat/api/sessions/codes", Map.of("from", "not a phone"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(person.json(response).get("detail").asString()).isNotBlank();
    }

    @Test
    void withoutProvingTheNumberNobodyChatsAsItOrReadsItsTranscript() {
        var stranger = new WebChatDialogue(baseUrl(), "+5511900000000");

        var sent = stranger.post("/web-chat/api/messages", Map.of("from", "+5511900000000", "text", "oi"));
        var read = stranger.get("/web-chat/api/conversations/%2B5511900000000/messages");

        assertThat(sent.statusCode()).isEqualTo(401);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aSessionForOneNumberCannotReadAnothersTranscript() {
        var person = new WebChatDialogue(baseUrl(), newPhone()).signIn();

        var read = person.get("/web-chat/api/conversations/%2B5511900000000/messages");

        assertThat(read.statusCode()).isEqualTo(403);
    }

    @Test
    void everyApplicationAnswersHealthAndMetricsButNoDebuggingToolsByDefault() {
        var person = new WebChatDialogue(baseUrl(), "+5511900000000");
        assertThat(person.get("/health").statusCode()).isEqualTo(200);
        assertThat(person.get("/actuator/health").statusCode()).isEqualTo(200);
        var metrics = person.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"whatsapp-registration\"");
        var page = person.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        // The API docs and Swagger UI need the profile dev, the interpreter its setting:
        // StandaloneDevToolsIntegrationTests.
        assertThat(person.get("/v3/api-docs").statusCode()).isEqualTo(404);
        assertThat(person.get("/swagger").statusCode()).isEqualTo(404);
        assertThat(person.post("/api/interpret", Map.of("text", "oi")).statusCode()).isEqualTo(404);
    }

    /** Whatever serves it, every response tells the browser to run nothing else and to frame, sniff and refer nothing. */
    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        var person = new WebChatDialogue(baseUrl(), "+5511900000000");
        String page = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        String api = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        var responses = Map.of(
                "/", page, "/web-chat/chat.js", page, "/web-chat/api/conversations/%2B5511900000000/messages", page,
                "/health", api, "/actuator/prometheus", api, "/v1/accounts?phone=%2B5511900000000", api,
                "/no/such/page", api);
        responses.forEach((path, policy) -> {
            var response = person.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(policy);
            assertThat(response.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        });
        var refused = person.post("/api/interpret", Map.of("text", "oi"));
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue(api);
    }

    private static JsonNode account(WebChatDialogue person, String phone) {
        var response = person.get("/v1/accounts?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return person.json(response);
    }

    /** A valid Brazilian mobile number no other test uses. */
    private static String newPhone() {
        return "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** The embedded default sends no e-mail, so a new address is saved unverified, and the person is told so first. */
    private static String unverified(String email) {
        return "Atenção: aqui não consigo enviar um código para confirmar o e-mail " + email
                + ", então ele será salvo sem verificação.";
    }
}
