package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web chat's API ({@link WebChatApi}: its controllers and body limit over MockMvc) under generated requests: any
 * method on its paths and beside them, any path variable and query, bodies of any JSON (its members of any type) or
 * none, any content type, with a live, ended, forged or no session. Nothing escapes a controller (what the service
 * would answer 500), no answer is a 5xx, every refusal with a body is a problem, and only a live session gets a
 * message to the bot. Tries: {@code jqwik.tries.default} (500 in {@code junit-platform.properties}; the long run of
 * docs/security.md, "Fuzzing", sets more).
 */
class WebChatApiFuzzTests {

    private static final String ANA = "+5511987654321";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final WebChatApi api = new WebChatApi();
    private final Cookie live = api.session(ANA);
    private final Cookie ended = ended();

    private Cookie ended() {
        Cookie session = api.session("+5521987654321");
        api.sessions.close(session.getValue());
        return session;
    }

    /** A request as generated; {@code body} null for none. */
    record Request(HttpMethod method, String path, Optional<String> query, String contentType, byte[] body,
                   String session) {
    }

    @Property
    void anyRequestIsAnsweredWithoutAServerErrorAndEveryRefusalIsAProblem(@ForAll("requests") Request request) {
        int published = api.bus.published.size();
        var builder = api.mvc.method(request.method())
                .uri(URI.create(request.path() + request.query().map(query -> "?" + query).orElse("")));
        if (request.contentType() != null) {
            builder.contentType(request.contentType());
        }
        if (request.body() != null) {
            builder.content(request.body());
        }
        Cookie session = switch (request.session()) {
            case "live" -> live;
            case "ended" -> ended;
            case "none" -> null;
            default -> new Cookie(SessionCookie.NAME, request.session());
        };
        if (session != null) {
            builder.cookie(session);
        }

        MvcTestResult result = builder.exchange();

        assertThat(result.getUnresolvedException()).isNull();
        int status = result.getResponse().getStatus();
        assertThat(status).isLessThan(500);
        if (status >= 400 && result.getResponse().getContentLength() > 0) {
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
        }
        if (api.bus.published.size() > published) {
            assertThat(session).isSameAs(live);
            assertThat(status).isEqualTo(202);
        }
        if (api.bus.published.size() > 10_000) {
            api.bus.published.clear();
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<HttpMethod> methods = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(HttpMethod.POST)), Tuple.of(3, Arbitraries.of(HttpMethod.GET)),
                Tuple.of(1, Arbitraries.of(HttpMethod.DELETE, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.HEAD,
                        HttpMethod.OPTIONS)));
        Arbitrary<String> paths = Arbitraries.oneOf(
                Arbitraries.of("/web-chat/api/messages", "/web-chat/api/sessions", "/web-chat/api/sessions/codes",
                        "/web-chat/api/sessions/current", "/web-chat/api/phone-panel", "/web-chat/api/",
                        "/web-chat/api/messages/", "/web-chat/api/sessions/codes/x"),
                Arbitraries.oneOf(Arbitraries.of(ANA, "+5521987654321", "11987654321", "(11) 98765-4321", ""), texts())
                        .map(from -> "/web-chat/api/conversations/" + UriUtils.encodePathSegment(from,
                                StandardCharsets.UTF_8) + "/messages"),
                texts().map(segment -> "/web-chat/api/" + UriUtils.encodePathSegment(segment,
                        StandardCharsets.UTF_8)));
        Arbitrary<Optional<String>> queries = Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.create(java.util.UUID::randomUUID).map(id -> Optional.of("after=" + id)),
                texts().map(value -> Optional.of("after=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))),
                Arbitraries.of("after", "after=", "after=1&after=2", "after=%25", "a=%2F").map(Optional::of));
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(MediaType.APPLICATION_JSON_VALUE)),
                Tuple.of(1, Arbitraries.of("text/plain", "application/json; charset=ISO-8859-1",
                        "application/x-www-form-urlencoded", "application/xml", "application/*+json")),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
                Tuple.of(6, members().map(WebChatApiFuzzTests::bytes)),
                Tuple.of(2, anyJson(3).map(WebChatApiFuzzTests::bytes)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(10).flatMap(chunk ->
                        Arbitraries.integers().between(100, 300).map(times -> bytes(NODES.objectNode()
                                .put("text", chunk.repeat(times)).put("from", ANA))))));
        Arbitrary<String> sessions = Arbitraries.oneOf(Arbitraries.of("live", "ended", "none"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60).filter(value -> !value.contains(";")
                        && !value.contains(",") && !value.contains("\"") && !value.contains("\\")));
        return Combinators.combine(methods, paths, queries, contentTypes, bodies, sessions).as(Request::new);
    }

    /** An object with the members the API reads ({@code from}, {@code text}, {@code code}), each of any type. */
    private static Arbitrary<JsonNode> members() {
        Arbitrary<Optional<JsonNode>> from = Arbitraries.oneOf(
                Arbitraries.of(ANA, "+5521987654321", "11 98765-4321", "+1 202 555 0100", "0", "+", "")
                        .map(value -> Optional.<JsonNode>of(NODES.stringNode(value))),
                texts().map(value -> Optional.<JsonNode>of(NODES.stringNode(value))),
                anyJson(1).map(Optional::of), Arbitraries.just(Optional.empty()));
        Arbitrary<Optional<JsonNode>> text = Arbitraries.oneOf(
                texts().map(value -> Optional.<JsonNode>of(NODES.stringNode(value))),
                anyJson(1).map(Optional::of), Arbitraries.just(Optional.empty()));
        Arbitrary<Optional<JsonNode>> code = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMaxLength(8).map(value -> Optional.<JsonNode>of(
                        NODES.stringNode(value))),
                anyJson(1).map(Optional::of), Arbitraries.just(Optional.empty()));
        return Combinators.combine(from, text, code).as((f, t, c) -> {
            ObjectNode object = NODES.objectNode();
            f.ifPresent(value -> object.set("from", value));
            t.ifPresent(value -> object.set("text", value));
            c.ifPresent(value -> object.set("code", value));
            return object;
        });
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(6)
                        .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()))));
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
                Combinators.combine(Arbitraries.of(List.of("from", "text", "code", "after", "x")), deeper)
                        .as(Tuple::of).list().ofMaxSize(3).map(members -> {
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
