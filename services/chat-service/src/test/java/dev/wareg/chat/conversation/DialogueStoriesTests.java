package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The conversation specified as stories, like Rasa's test stories: each file under {@code stories/} holds
 * dialogues of user lines and the bot's expected answers, run against the real chat (interpreter, form loop,
 * store, phrasebook) with a recording bus, a map for the account directory and a settable clock.
 *
 * <pre>
 * - story: a known sender changes the e-mail
 *   account: {name: Maria da Silva, email: maria@antigo.com.br}
 *   steps:
 *     - user: quero mudar meu email
 *       bot: Qual é o novo e-mail?            # every reply, in order (a string or a list)
 *     - user: maria@novo.com.br
 *       says: maria@antigo.com.br → maria@novo.com.br   # some reply contains this
 *       buttons: [Confirmar, Corrigir, Cancelar]      # the last reply's quick replies
 *     - user: sim
 *       request: {email: [maria@antigo.com.br, maria@novo.com.br]}
 *     - worker: applied                       # or a rejection reason code: STALE_VERSION, ...
 *       bot: Pronto! Seu cadastro foi atualizado (e-mail).
 *     - wait: 31m                             # time passes
 * </pre>
 * Other checks: {@code no_request: true}, {@code handoff: true}, {@code erasure: true} (an erasure was requested),
 * {@code silent: true} (no reply at all). {@code staffed: true} at the story's top means people take hand-offs in
 * that deployment. {@code unproven: "oi"} sends a message whose channel did not prove the sender;
 * {@code worker: erased} erases the account the last erasure request named, {@code api: erased} erases the sender's
 * account through the API. {@code mail: true} at the story's top means e-mail can be sent, so a new address is
 * proven by a code: {@code emailed: maria@novo.com.br} checks a code was e-mailed there, {@code code: emailed} types
 * the code of the last e-mail, {@code code: "000000"} types that; {@code texted: "+55..."} checks a code was sent to
 * that number on the conversation's channel, {@code untexted: "+55..."} that nothing was, and
 * {@code code: texted to +55...} types it. {@code media: audio} sends
 * a voice note (or {@code image}, {@code video}, {@code document}, {@code sticker}, {@code reaction}).
 * {@code user_long: 5000} sends a message of that many characters. {@code location: {address: "Av. Paulista, 1578 -
 * Bela Vista, São Paulo - SP", name: MASP}} shares a place ({@code location: pin} only coordinates; {@code latitude}
 * and {@code longitude} may be given).
 * {@code from: "+5521..."} makes this and the next steps come from another sender (a second, concurrent
 * conversation); {@code account} and {@code sender} at the story's top set the first sender's account and number,
 * {@code accounts: {"+55...": {name: ...}}} accounts on other numbers (those a sender without a phone links), and
 * {@code contact: "+55 11 98765-4321"} shares a contact card with that phone.
 */
class DialogueStoriesTests {

    private static final String PHONE = "+5511987654321";

    @TestFactory
    Stream<DynamicNode> everyStory() {
        return storyFiles().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
                stories(file).stream().map(story -> DynamicTest.dynamicTest(
                        String.valueOf(story.get("story")), () -> run(story)))));
    }

    @Test
    void thereAreAtLeastEightyStoriesInBothLanguages() {
        List<Map<String, Object>> all = storyFiles().flatMap(file -> stories(file).stream()).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(80);
        assertThat(all).filteredOn(story -> String.valueOf(story.get("story")).startsWith("en:")).hasSizeGreaterThanOrEqualTo(20);
    }

    @SuppressWarnings("unchecked")
    static void run(Map<String, Object> story) {
        var dialogue = new Dialogue(String.valueOf(story.getOrDefault("sender", PHONE)),
                Boolean.TRUE.equals(story.get("staffed")), Boolean.TRUE.equals(story.get("mail")));
        if (story.get("account") instanceof Map<?, ?> account) {
            var values = new LinkedHashMap<String, String>();
            account.forEach((field, value) -> values.put(String.valueOf(field), String.valueOf(value)));
            dialogue.withAccount(values);
        }
        if (story.get("accounts") instanceof Map<?, ?> others) {
            others.forEach((phone, account) -> {
                var values = new LinkedHashMap<String, String>();
                ((Map<?, ?>) account).forEach((field, value) ->
                        values.put(String.valueOf(field), String.valueOf(value)));
                dialogue.withAccountOn(String.valueOf(phone), values);
            });
        }
        int number = 0;
        for (Map<String, Object> step : (List<Map<String, Object>>) story.get("steps")) {
            number++;
            String where = "step " + number + " " + step;
            int publishedBefore = dialogue.published().size();
            if (step.containsKey("wait")) {
                dialogue.after(duration(String.valueOf(step.get("wait"))));
            }
            if (step.containsKey("from")) {
                dialogue.from(String.valueOf(step.get("from")));
            }
            if (step.containsKey("user")) {
                dialogue.user(String.valueOf(step.get("user")));
            }
            if (step.containsKey("location")) {
                shareLocation(dialogue, step.get("location"));
            }
            if (step.containsKey("contact")) {
                // A shared contact card reaches the chat as both channels pass it on: its first phone, as the text.
                dialogue.user(String.valueOf(step.get("contact")));
            }
            if (step.containsKey("media")) {
                dialogue.media(String.valueOf(step.get("media")));
            }
            if (step.containsKey("unproven")) {
                dialogue.unproven(String.valueOf(step.get("unproven")));
            }
            if ("erased".equals(step.get("api"))) {
                dialogue.erasedThroughTheApi();
            }
            if ("emailed".equals(step.get("code"))) {
                dialogue.user(dialogue.lastEmailedCode());
            } else if (String.valueOf(step.get("code")).startsWith("texted to ")) {
                dialogue.user(dialogue.lastTextedCode(String.valueOf(step.get("code")).substring("texted to ".length())));
            } else if (step.containsKey("code")) {
                dialogue.user(String.valueOf(step.get("code")));
            }
            if (step.containsKey("user_long")) {
                dialogue.user("a".repeat(((Number) step.get("user_long")).intValue()));
            }
            if (step.containsKey("worker")) {
                String outcome = String.valueOf(step.get("worker"));
                if (outcome.equals("applied")) {
                    dialogue.workerApplies();
                } else if (outcome.equals("erased")) {
                    dialogue.workerErases();
                } else {
                    dialogue.workerRejects(ReasonCode.valueOf(outcome));
                }
            }
            check(dialogue, step, publishedBefore, where);
        }
    }

    private static void shareLocation(Dialogue dialogue, Object location) {
        if (location instanceof Map<?, ?> place) {
            dialogue.location(coordinate(place.get("latitude"), -23.5614), coordinate(place.get("longitude"), -46.6559),
                    place.get("name") == null ? null : String.valueOf(place.get("name")),
                    place.get("address") == null ? null : String.valueOf(place.get("address")));
        } else if ("pin".equals(location)) {
            dialogue.pin();
        } else {
            throw new IllegalArgumentException("location: a map of address, name, latitude, longitude, or pin");
        }
    }

    private static double coordinate(Object value, double otherwise) {
        return value == null ? otherwise : ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static void check(Dialogue dialogue, Map<String, Object> step, int publishedBefore, String where) {
        List<String> texts = dialogue.replies().stream().map(SendMessage::text).toList();
        if (step.containsKey("bot")) {
            assertThat(texts).as(where).containsExactlyElementsOf(lines(step.get("bot")));
        }
        if (step.containsKey("says")) {
            for (String expected : lines(step.get("says"))) {
                assertThat(texts).as(where).anySatisfy(text -> assertThat(text).contains(expected));
            }
        }
        if (step.containsKey("buttons")) {
            assertThat(dialogue.replies()).as(where).isNotEmpty();
            assertThat(dialogue.replies().getLast().buttons()).as(where).extracting(SendMessage.Button::title)
                    .containsExactlyElementsOf(lines(step.get("buttons")));
        }
        if (Boolean.TRUE.equals(step.get("silent"))) {
            assertThat(texts).as(where).isEmpty();
        }
        var events = dialogue.published().subList(publishedBefore, dialogue.published().size());
        if (step.get("request") instanceof Map<?, ?> changes) {
            var expected = new LinkedHashMap<String, FieldChange>();
            ((Map<String, List<Object>>) changes).forEach((property, values) -> expected.put(property,
                    new FieldChange(values.get(0) == null ? null : String.valueOf(values.get(0)),
                            values.get(1) == null ? null : String.valueOf(values.get(1)))));
            assertThat(dialogue.lastRequest().changes()).as(where).containsExactlyEntriesOf(expected);
        }
        if (Boolean.TRUE.equals(step.get("no_request"))) {
            assertThat(dialogue.requests()).as(where).isEmpty();
        }
        if (Boolean.TRUE.equals(step.get("handoff"))) {
            assertThat(events).as(where).hasAtLeastOneElementOfType(HandoffRequested.class);
        }
        if (Boolean.FALSE.equals(step.get("handoff"))) {
            assertThat(events).as(where).doesNotHaveAnyElementsOfTypes(HandoffRequested.class);
        }
        if (step.containsKey("erasure")) {
            assertThat(dialogue.erasures()).as(where).hasSize(Boolean.TRUE.equals(step.get("erasure")) ? 1 : 0);
        }
        if (step.get("emailed") instanceof String address) {
            assertThat(events).as(where).filteredOn(SendEmail.class::isInstance).singleElement()
                    .satisfies(email -> assertThat(((SendEmail) email).to()).isEqualTo(address));
        }
        if (step.get("texted") instanceof String number) {
            assertThat(events).as(where).filteredOn(SendMessage.class::isInstance).map(SendMessage.class::cast)
                    .filteredOn(message -> message.recipient().equals(number)).singleElement()
                    .satisfies(message -> assertThat(message.channel()).isEqualTo(Dialogue.CHANNEL));
        }
        if (step.get("untexted") instanceof String number) {
            assertThat(events).as(where).filteredOn(SendMessage.class::isInstance).map(SendMessage.class::cast)
                    .noneMatch(message -> message.recipient().equals(number));
        }
        if (Boolean.TRUE.equals(step.get("forgotten"))) {
            assertThat(dialogue.stored()).as(where).isEmpty();
        }
    }

    private static List<String> lines(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase());
    }

    static Stream<Path> storyFiles() {
        try {
            Path folder = Path.of(DialogueStoriesTests.class.getResource("/stories").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stories(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Map<String, Object>> stories = new Yaml().load(in);
            return stories == null ? List.of() : new ArrayList<>(stories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
