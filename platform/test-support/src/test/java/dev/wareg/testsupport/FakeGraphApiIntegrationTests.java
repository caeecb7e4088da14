package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.testsupport.FakeGraphApi.Call;
import dev.wareg.testsupport.FakeGraphApi.GraphError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake holds a client to Meta's messages endpoint: its token, its rules, its answers and its errors. */
class FakeGraphApiIntegrationTests {

    private static final String TOKEN = "EAAG-test-token";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String CUSTOMER = "+5511987654321";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SettableClock clock = new SettableClock(Instant.parse("2025-07-01T12:00:00Z"));
    private final FakeGraphApi graph = FakeGraphApi.start(0, TOKEN, clock);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aTokenOtherThanTheConfiguredOneIsRefusedWith401AndCode190() throws Exception {
        HttpResponse<String> wrong = sendWith("Bearer another-token", text(CUSTOMER, "oi"));
        HttpResponse<String> none = sendWith(null, text(CUSTOMER, "oi"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(wrong.body()).path("error");
        assertThat(error.path("message").asString())
                .isEqualTo("Invalid OAuth access token - Cannot parse access token");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(190);
        assertThat(error.path("fbtrace_id").asString()).startsWith("A");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(graph.calls()).extracting(Call::authorization).containsExactly("Bearer another-token", null);
        assertThat(graph.calls()).noneMatch(Call::accepted);
        assertThat(graph.sent()).isEmpty();
    }

    @Test
    void aTextIsAnsweredWithItsContactAndAFreshMessageId() throws Exception {
        HttpResponse<String> first = send(text(CUSTOMER, "Olá! Qual é o seu CPF?"));
        HttpResponse<String> second = send(text("5511987654321", "Obrigado"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(answer.path("contacts").get(0).path("input").asString()).isEqualTo(CUSTOMER);
        assertThat(answer.path("contacts").get(0).path("wa_id").asString()).isEqualTo("5511987654321");
        String id = answer.path("messages").get(0).path("id").asString();
        assertThat(id).startsWith("wamid.");
        assertThat(JSON.readTree(second.body()).path("messages").get(0).path("id").asString()).isNotEqualTo(id);

        Call call = graph.sent().getFirst();
        assertThat(call.version()).isEqualTo("v23.0");
        assertThat(call.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(call.to()).isEqualTo(CUSTOMER);
        assertThat(call.type()).isEqualTo("text");
        assertThat(call.text()).isEqualTo("Olá! Qual é o seu CPF?");
        assertThat(call.response().path("messages").get(0).path("id").asString()).isEqualTo(id);
        assertThat(graph.sent()).hasSize(2);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithCode100() throws Exception {
        HttpResponse<String> form = http.send(request("/v23.0/" + PHONE_NUMBER_ID + "/messages")
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(text(CUSTOMER, "oi"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> broken = send("{\"messaging_product\": \"whatsapp\", \"to\": ");
        HttpResponse<String> empty = send("");

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(code(form)).isEqualTo(100);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(code(broken)).isEqualTo(100);
        assertThat(graph.calls().get(1).body().asString()).isEqualTo("{\"messaging_product\": \"whatsapp\", \"to\": ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(code(empty)).isEqualTo(100);
        assertThat(graph.calls()).hasSize(3);
    }

    @Test
    void aVersionOrPhoneNumberIdGraphDoesNotKnowIsRefusedAndOtherPathsAreNotFound() throws Exception {
        HttpResponse<String> noVersion = postTo("/23.0/" + PHONE_NUMBER_ID + "/messages", text(CUSTOMER, "oi"));
        HttpResponse<String> notAnId = postTo("/v23.0/my-phone/messages", text(CUSTOMER, "oi"));
        HttpResponse<String> elsewhere = postTo("/v23.0/" + PHONE_NUMBER_ID + "/media", text(CUSTOMER, "oi"));

        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(code(noVersion)).isEqualTo(100);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAnId.body()).path("error").path("message").asString())
                .contains("Object with ID 'my-phone' does not exist");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(graph.calls()).extracting(Call::version).containsExactly("23.0", "v23.0");
    }

    @Test
    void fourButtonsATitleOfTwentyOneCharactersOrARepeatedIdAreRefusedWith131009() throws Exception {
        HttpResponse<String> four = send(buttons("Sim", "Não", "Talvez", "Depois"));
        HttpResponse<String> longTitle = send(buttons("Sim", "a".repeat(21)));
        ObjectNode repeated = buttons("Sim", "Não");
        ((ObjectNode) repeated.path("interactive").path("action").path("buttons").get(1).path("reply")).put("id", "b1");
        HttpResponse<String> repeatedId = send(repeated);

        for (HttpResponse<String> refused : List.of(four, longTitle, repeatedId)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(refused.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(131009);
            assertThat(error.path("message").asString()).isEqualTo("(#131009) Parameter value is not valid");
            assertThat(error.path("error_data").path("messaging_product").asString()).isEqualTo("whatsapp");
        }
        assertThat(details(four)).isEqualTo("Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3");
        assertThat(details(longTitle)).isEqualTo("Button title length invalid. Min length: 1, Max length: 20");
        assertThat(details(repeatedId)).isEqualTo("Button id is not unique");
        assertThat(graph.sent()).isEmpty();
        assertThat(graph.calls()).hasSize(3);
    }

    @Test
    void threeButtonsWithTwentyCharacterTitlesAreAccepted() throws Exception {
        HttpResponse<String> response = send(
                buttons("Confirmar os dados!!", "Corrigir o endereço.", "Falar com atendente"));

        assertThat(response.statusCode()).isEqualTo(200);
        Call call = graph.sent().getFirst();
        assertThat(call.type()).isEqualTo("interactive");
        assertThat(call.text()).isEqualTo("Os dados estão certos?");
        assertThat(call.buttonTitles())
                .containsExactly("Confirmar os dados!!", "Corrigir o endereço.", "Falar com atendente");
    }

    @Test
    void aListOfElevenRowsOrARowTitleOfTwentyFiveCharactersIsRefusedAndTenRowsAreAccepted() throws Exception {
        HttpResponse<String> eleven = send(list(11, "Opção"));
        HttpResponse<String> longTitle = send(list(1, "b".repeat(25)));
        HttpResponse<String> ten = send(list(10, "c".repeat(24)));

        assertThat(eleven.statusCode()).isEqualTo(400);
        assertThat(details(eleven)).isEqualTo("Invalid rows count. Min allowed rows: 1, Max allowed rows: 10");
        assertThat(longTitle.statusCode()).isEqualTo(400);
        assertThat(details(longTitle)).isEqualTo("Row title length invalid. Min length: 1, Max length: 24");
        assertThat(ten.statusCode()).isEqualTo(200);
        assertThat(graph.sent().getFirst().buttonTitles()).hasSize(10).allMatch(title -> title.length() == 24);
    }

    @Test
    void aTemplateIsAcceptedForPacingAndNeedsItsLanguage() throws Exception {
        HttpResponse<String> accepted = send("""
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "registration_reminder", "language": {"code": "pt_BR"},
                              "components": [{"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}]}}"""
                .formatted(CUSTOMER));
        HttpResponse<String> noLanguage = send("""
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "registration_reminder"}}""".formatted(CUSTOMER));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).path("messages").get(0).path("message_status").asString())
                .isEqualTo("accepted");
        assertThat(graph.sent().getFirst().type()).isEqualTo("template");
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noLanguage.body()).path("error").path("message").asString())
                .isEqualTo("(#100) The parameter template['language'] is required.");
    }

    @Test
    void aReadReceiptIsASuccessButNotASentMessage() throws Exception {
        HttpResponse<String> read = send("""
                {"messaging_product": "whatsapp", "status": "read",
                 "message_id": "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDNBQ0Y"}""");
        HttpResponse<String> noId = send("""
                {"messaging_product": "whatsapp", "status": "read"}""");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("success").asBoolean()).isTrue();
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noId.body()).path("error").path("message").asString())
                .isEqualTo("(#100) The parameter message_id is required.");
        assertThat(graph.readReceipts()).singleElement().satisfies(call -> {
            assertThat(call.type()).isEqualTo("read");
            assertThat(call.to()).isNull();
        });
        assertThat(graph.sent()).isEmpty();
    }

    @Test
    void aBusinessScopedUserIdIsSentToAsRecipientAndAnsweredWithTheUserId() throws Exception {
        HttpResponse<String> response = send("""
                {"messaging_product": "whatsapp", "recipient_type": "individual",
                 "recipient": "BR.13491208655302741918", "type": "text", "text": {"body": "oi"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode contact = JSON.readTree(response.body()).path("contacts").get(0);
        assertThat(contact.path("input").asString()).isEqualTo("BR.13491208655302741918");
        assertThat(contact.path("user_id").asString()).isEqualTo("BR.13491208655302741918");
        assertThat(contact.has("wa_id")).isFalse();
        assertThat(graph.sent().getFirst().to()).isEqualTo("BR.13491208655302741918");
    }

    @Test
    void queuedErrorsAnswerTheNextCallsThatWouldHaveBeenAcceptedInOrder() throws Exception {
        graph.failNext(GraphError.rateLimited())
                .failNext(2, GraphError.serverError())
                .failNext(GraphError.tokenExpired());

        HttpResponse<String> rateLimited = send(text(CUSTOMER, "1"));
        HttpResponse<String> invalid = send(buttons("x".repeat(21)));
        HttpResponse<String> firstOutage = send(text(CUSTOMER, "2"));
        HttpResponse<String> secondOutage = send("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.1"}""");
        HttpResponse<String> expired = send(text(CUSTOMER, "3"));
        HttpResponse<String> through = send(text(CUSTOMER, "4"));

        assertThat(List.of(rateLimited, invalid, firstOutage, secondOutage, expired, through))
                .extracting(HttpResponse::statusCode).containsExactly(400, 400, 500, 500, 401, 200);
        assertThat(graph.calls()).extracting(Call::errorCode)
                .containsExactly(130429, 131009, 131000, 131000, 190, null);
        JsonNode limit = JSON.readTree(rateLimited.body()).path("error");
        assertThat(limit.path("message").asString()).isEqualTo("(#130429) Rate limit hit");
        assertThat(limit.path("error_data").path("details").asString()).isNotBlank();
        assertThat(limit.has("error_subcode")).isFalse();
        JsonNode session = JSON.readTree(expired.body()).path("error");
        assertThat(session.path("message").asString()).startsWith("Error validating access token: Session has expired");
        assertThat(session.path("error_subcode").asInt()).isEqualTo(463);
        assertThat(graph.sent()).extracting(Call::text).containsExactly("4");
    }

    @Test
    void overTheRateLimitAPhoneNumberIdIsRefusedWith130429UntilTheSecondHasPassed() throws Exception {
        graph.rateLimit(2);

        List<Integer> statuses = IntStream.rangeClosed(1, 3).mapToObj(i -> send(text(CUSTOMER, "m" + i)).statusCode())
                .toList();
        int otherNumber = postTo("/v23.0/998877665544332/messages", text(CUSTOMER, "other")).statusCode();
        int receipt = send("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.1"}""").statusCode();
        clock.advance(Duration.ofSeconds(1));
        int nextSecond = send(text(CUSTOMER, "m4")).statusCode();

        assertThat(statuses).containsExactly(200, 200, 400);
        assertThat(graph.calls().get(2).errorCode()).isEqualTo(130429);
        assertThat(otherNumber).isEqualTo(200);
        assertThat(receipt).isEqualTo(200);
        assertThat(nextSecond).isEqualTo(200);
        assertThat(graph.sent()).extracting(Call::text).containsExactly("m1", "m2", "other", "m4");
    }

    @Test
    void awaitSentReturnsOnceTheMessagesArrive() {
        CompletableFuture.runAsync(() -> {
            send(text(CUSTOMER, "um"));
            send(text(CUSTOMER, "dois"));
        });

        assertThat(graph.awaitSent(2, Duration.ofSeconds(5))).extracting(Call::text).containsExactly("um", "dois");
    }

    @Test
    void awaitSentFailsWithWhatWasReceived() throws Exception {
        send(buttons("Sim", "a".repeat(21)));
        send(text(CUSTOMER, "só uma"));

        assertThatThrownBy(() -> graph.awaitSent(2, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 2 sent messages within PT0.05S, got 1 in 2 calls")
                .hasMessageContaining("400 interactive to " + CUSTOMER
                        + " \"Os dados estão certos?\": (#131009) Parameter value is not valid"
                        + " (Button title length invalid. Min length: 1, Max length: 20)")
                .hasMessageContaining("200 text to " + CUSTOMER + " \"só uma\"");
    }

    @Test
    void concurrentSendsAreAllAcceptedAndRecorded() {
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 64)
                .mapToObj(i -> http.sendAsync(request("/v23.0/" + PHONE_NUMBER_ID + "/messages")
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text(CUSTOMER, "m" + i))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(graph.sent()).hasSize(64);
        assertThat(graph.sent()).extracting(Call::text)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 64).mapToObj(i -> "m" + i).toList());
        assertThat(graph.sent()).extracting(call -> call.response().path("messages").get(0).path("id").asString())
                .doesNotHaveDuplicates();
    }

    @Test
    void aDelayedAnswerOutlastsAShortTimeoutButTheMessageCountsAsSent() {
        graph.delayResponses(Duration.ofSeconds(30));
        var request = request("/v23.0/" + PHONE_NUMBER_ID + "/messages").timeout(Duration.ofMillis(200))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(CUSTOMER, "oi"))).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(graph.sent()).hasSize(1);
    }

    @Test
    void resetForgetsCallsQueuedErrorsTheRateLimitAndTheDelay() throws Exception {
        send(text(CUSTOMER, "antes"));
        graph.failNext(GraphError.unavailable()).rateLimit(1).delayResponses(Duration.ofSeconds(30));

        graph.reset();

        assertThat(graph.calls()).isEmpty();
        assertThat(List.of(send(text(CUSTOMER, "1")), send(text(CUSTOMER, "2"))))
                .extracting(HttpResponse::statusCode).containsExactly(200, 200);
    }

    @Test
    void getCallsListsTheCallsAsJsonWithoutTheToken() throws Exception {
        send(text(CUSTOMER, "oi"));
        send(buttons("a".repeat(21)));

        HttpResponse<String> response = http.send(request("/calls").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode calls = JSON.readTree(response.body());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("to").asString()).isEqualTo(CUSTOMER);
        assertThat(calls.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(calls.get(0).path("body").path("text").path("body").asString()).isEqualTo("oi");
        assertThat(calls.get(1).path("response").path("error").path("code").asInt()).isEqualTo(131009);
        assertThat(response.body()).doesNotContain(TOKEN);
    }

    private static String text(String to, String body) {
        ObjectNode message = message(to, "text");
        message.putObject("text").put("body", body);
        return message.toString();
    }

    private static ObjectNode buttons(String... titles) {
        ObjectNode message = message(CUSTOMER, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button");
        interactive.putObject("body").put("text", "Os dados estão certos?");
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (int i = 0; i < titles.length; i++) {
            ObjectNode button = buttons.addObject();
            button.put("type", "reply");
            button.putObject("reply").put("id", "b" + (i + 1)).put("title", titles[i]);
        }
        return message;
    }

    private static ObjectNode list(int rows, String rowTitle) {
        ObjectNode message = message(CUSTOMER, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "list");
        interactive.putObject("body").put("text", "Qual dado você quer atualizar?");
        ObjectNode action = interactive.putObject("action");
        action.put("button", "Escolher");
        ArrayNode list = action.putArray("sections").addObject().put("title", "Dados").putArray("rows");
        for (int i = 0; i < rows; i++) {
            list.addObject().put("id", "row-" + i).put("title", rowTitle.substring(0, rowTitle.length() - 1) + i % 10)
                    .put("description", "Toque para escolher");
        }
        return message;
    }

    private static ObjectNode message(String to, String type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", to);
        message.put("type", type);
        return message;
    }

    private HttpResponse<String> send(ObjectNode body) {
        return send(body.toString());
    }

    private HttpResponse<String> send(String body) {
        return postTo("/v23.0/" + PHONE_NUMBER_ID + "/messages", body);
    }

    private HttpResponse<String> sendWith(String authorization, String body) {
        return post("/v23.0/" + PHONE_NUMBER_ID + "/messages", authorization, body);
    }

    private HttpResponse<String> postTo(String path, String body) {
        return post(path, "Bearer " + TOKEN, body);
    }

    private HttpResponse<String> post(String path, String authorization, String body) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(graph.baseUrl() + path));
    }

    private static int code(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error").path("code").asInt();
    }

    private static String details(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error").path("error_data").path("details").asString();
    }
}
