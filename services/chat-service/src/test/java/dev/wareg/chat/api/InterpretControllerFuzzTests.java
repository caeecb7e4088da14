package dev.wareg.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.RulesInterpreter;
import dev.wareg.platform.defaults.RequestBodyLimit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/interpret} (the controller and its 8 KiB body limit over MockMvc, the rules' interpreter behind it)
 * under generated requests: bodies whose {@code text}, {@code lang} and {@code asked} are of any type or missing, any
 * JSON, broken JSON, any content type. Nothing escapes the controller (what the service would answer 500), and the
 * answer is an interpretation (200) or a refusal: 400 (not JSON, no text or one over 1,000 characters), 413, 415.
 * The refusals' problem bodies are the service's error mapping, over HTTP in {@link InterpretEndpointIntegrationTests}.
 * Tries: {@code jqwik.tries.default} (500 in {@code junit-platform.properties}; the long run of docs/security.md,
 * "Fuzzing", sets more).
 */
class InterpretControllerFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
            .standaloneSetup(new InterpretController(new RulesInterpreter(), new ChatProperties(
                    Locale.forLanguageTag("pt-BR"), Duration.ofMinutes(30), 1000, "chat-service", null,
                    Duration.ofMinutes(5), new ChatProperties.Handoff(false, ""), List.of("web-chat"))))
            .addFilter(new RequestBodyLimit(8 * 1024, JSON), InterpretEndpointConfiguration.PATH)
            .build());

    @Property
    void anyRequestIsInterpretedOrRefusedAsAClientErrorNeverAServerError(@ForAll("bodies") byte[] body,
                                                                         @ForAll("contentTypes") String contentType) {
        MvcTestResult result = mvc.post().uri(InterpretEndpointConfiguration.PATH).contentType(contentType)
                .content(body).exchange();

        assertThat(result.getUnresolvedException()).isNull();
        int status = result.getResponse().getStatus();
        assertThat(status).isIn(200, 400, 413, 415);
        if (status == 200) {
            JsonNode reading = JSON.readTree(result.getResponse().getContentAsByteArray());
            assertThat(Intent.valueOf(reading.path("intent").asString())).isNotNull();
            assertThat(reading.path("confidence").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(MediaType.APPLICATION_JSON_VALUE)),
                Tuple.of(1, Arbitraries.of("text/plain", "application/json; charset=ISO-8859-1", "application/xml",
                        "application/x-www-form-urlencoded")));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> requests = Combinators.combine(member(texts()),
                        member(Arbitraries.of("pt-BR", "en", "pt", "", "xx-YY-zz")),
                        member(Arbitraries.of("name", "email", "postalCode", "number", "birthDate", "cpf", "state",
                                "address", "phone", "")))
                .as((text, lang, asked) -> {
                    ObjectNode request = NODES.objectNode();
                    text.ifPresent(value -> request.set("text", value));
                    lang.ifPresent(value -> request.set("lang", value));
                    asked.ifPresent(value -> request.set("asked", value));
                    return bytes(request);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(8, requests),
                Tuple.of(1, anyJson(2).map(InterpretControllerFuzzTests::bytes)),
                Tuple.of(1, Combinators.combine(requests, Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                        .as((request, at, noise) -> {
                            byte[] broken = request.clone();
                            broken[at % broken.length] = noise;
                            return broken;
                        })));
    }

    /** A member as a client sends it most of the time; else missing, or any JSON value in its place. */
    private static Arbitrary<Optional<JsonNode>> member(Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, plausible.map(value -> Optional.<JsonNode>of(NODES.stringNode(value)))),
                Tuple.of(1, Arbitraries.just(Optional.empty())),
                Tuple.of(1, anyJson(1).map(Optional::of)));
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(60)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(2, Arbitraries.of("quero mudar meu e-mail", "meu cep é 01310-100", "sim", "", " ",
                        "nasci em 31/02/1990", "ana arroba gmail ponto com")),
                Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(8)
                        .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()))),
                Tuple.of(1, Arbitraries.strings().ofMinLength(900).ofMaxLength(1100)));
    }

    private static Arbitrary<JsonNode> anyJson(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(texts().map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode), Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode), Arbitraries.just(NODES.nullNode()));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<JsonNode> deeper = anyJson(depth - 1);
        return Arbitraries.oneOf(scalars,
                deeper.list().ofMaxSize(3).map(values -> {
                    var array = NODES.arrayNode();
                    values.forEach(array::add);
                    return array;
                }),
                Combinators.combine(Arbitraries.of("text", "lang", "asked", "x"), deeper).as(Tuple::of).list()
                        .ofMaxSize(3).map(members -> {
                            ObjectNode object = NODES.objectNode();
                            members.forEach(member -> object.set(member.get1(), member.get2()));
                            return object;
                        }));
    }

    // Written as text first: Jackson's byte writer refuses an unpaired surrogate, which UTF-8 then writes as '?'.
    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
