package dev.wareg.whatsappweb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated bodies for the fuzzing properties of the sidecar's inbound contract ({@code docs/channels.md}): messages
 * of the contract's shape in which any member may be missing or hold any JSON value instead, any JSON, messages with
 * bytes inserted, dropped or changed, and bytes that are no text.
 */
final class SidecarBodies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("text", "button", "list", "location", "contact", "edit",
            "unsupported", "reaction", "TEXT", "");
    private static final List<String> NAMES = List.of("messageId", "sender", "type", "text", "contact", "phones",
            "name", "location", "latitude", "longitude", "address", "kind", "timestamp");

    private SidecarBodies() {
    }

    private record Member(String name, JsonNode value) {
    }

    static Arbitrary<byte[]> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, messages().map(SidecarBodies::bytes)),
                Tuple.of(2, anyJson(3).map(SidecarBodies::bytes)),
                Tuple.of(2, broken()),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(256)));
    }

    /** The contract's message, each member as the sidecar writes it most of the time, else missing or any JSON. */
    static Arbitrary<JsonNode> messages() {
        return object(member("messageId", texts().map(id -> NODES.stringNode("3EB0" + id))),
                member("sender", Arbitraries.oneOf(Arbitraries.of("+5511987654321", "123456789012345@lid", ""),
                        Arbitraries.strings().numeric().ofMaxLength(16).map(digits -> "+" + digits), texts())
                        .map(NODES::stringNode)),
                member("timestamp", Arbitraries.of("2026-11-25T18:30:30Z", "", "yesterday").map(NODES::stringNode)),
                member("type", Arbitraries.of(TYPES).map(NODES::stringNode)),
                member("text", texts().map(NODES::stringNode)),
                member("contact", object(member("name", texts().map(NODES::stringNode)),
                        member("phones", texts().map(NODES::stringNode).list().ofMaxSize(3).map(phones -> {
                            var array = NODES.arrayNode();
                            phones.forEach(array::add);
                            return array;
                        })))),
                member("location", object(member("latitude", coordinates()), member("longitude", coordinates()),
                        member("name", texts().map(NODES::stringNode)),
                        member("address", texts().map(NODES::stringNode)))),
                member("kind", Arbitraries.of("audioMessage", "imageMessage", "stickerMessage", "reactionMessage",
                        "pollCreationMessage", "").map(NODES::stringNode)));
    }

    private static Arbitrary<JsonNode> coordinates() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-200, 200).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode), Arbitraries.bigDecimals().map(NODES::numberNode),
                Arbitraries.of("-23.5", "NaN").map(NODES::stringNode));
    }

    /** Any characters (unpaired surrogates and controls too), emoji, and one time in a hundred tens of thousands. */
    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(20, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(20, Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(8)
                        .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()))),
                Tuple.of(20, Arbitraries.of("oi", "quero mudar meu e-mail", "", " ", "\u0000", "\uFEFF", "null")),
                Tuple.of(1, Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.integers().between(1_000, 5_000)).as(String::repeat)));
    }

    static Arbitrary<JsonNode> anyJson(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(texts().map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode), Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigDecimals().map(NODES::numberNode), Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<JsonNode> deeper = anyJson(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(3, scalars),
                Tuple.of(1, deeper.list().ofMaxSize(4).map(values -> {
                    var array = NODES.arrayNode();
                    values.forEach(array::add);
                    return array;
                })),
                Tuple.of(2, Combinators.combine(Arbitraries.oneOf(Arbitraries.of(NAMES), texts()), deeper)
                        .as(Member::new).list().ofMaxSize(4).map(SidecarBodies::objectOf)));
    }

    private static Arbitrary<byte[]> broken() {
        return Combinators.combine(messages().map(SidecarBodies::bytes),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.bytes())
                .as((body, positions, noise) -> {
                    byte[] broken = Arrays.copyOf(body, body.length + positions.size());
                    for (int position : positions) {
                        int at = position % broken.length;
                        switch (position % 3) {
                            case 0 -> broken[at] = noise;
                            case 1 -> System.arraycopy(broken, at + 1, broken, at, broken.length - at - 1);
                            default -> {
                                System.arraycopy(broken, at, broken, at + 1, broken.length - at - 1);
                                broken[at] = (byte) (noise ^ position);
                            }
                        }
                    }
                    return broken;
                });
    }

    // A member as the sidecar writes it twelve times in fourteen; otherwise missing, or any JSON value in its place.
    private static Arbitrary<Member> member(String name, Arbitrary<? extends JsonNode> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, plausible.map(value -> new Member(name, value))),
                Tuple.of(1, Arbitraries.just(new Member(name, null))),
                Tuple.of(1, anyJson(2).map(value -> new Member(name, value))));
    }

    @SafeVarargs
    private static Arbitrary<JsonNode> object(Arbitrary<Member>... members) {
        return Combinators.combine(List.of(members)).as(SidecarBodies::objectOf);
    }

    private static JsonNode objectOf(List<Member> members) {
        ObjectNode object = NODES.objectNode();
        for (Member member : members) {
            if (member.value() != null) {
                object.set(member.name(), member.value());
            }
        }
        return object;
    }

    // Written as text first: Jackson's byte writer refuses an unpaired surrogate, which UTF-8 then writes as '?'.
    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
