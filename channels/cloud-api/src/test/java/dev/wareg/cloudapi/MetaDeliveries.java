package dev.wareg.cloudapi;

import java.math.BigDecimal;
import java.math.BigInteger;
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
 * Generated webhook bodies for the fuzzing properties: deliveries shaped as Meta's
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples) in which any member may be
 * missing or hold any JSON value instead (wrong types, nested arrays, huge or unusual strings), any JSON at all,
 * deliveries with bytes inserted, dropped or changed, and bytes that are no text.
 */
final class MetaDeliveries {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every member name the parser looks for, and a few Meta sends that it ignores. */
    private static final List<String> NAMES = List.of("object", "entry", "changes", "value", "field", "messages",
            "statuses", "id", "from", "user_id", "timestamp", "type", "text", "body", "interactive", "button_reply",
            "list_reply", "title", "button", "payload", "contacts", "phones", "wa_id", "phone", "name",
            "formatted_name", "location", "latitude", "longitude", "address", "errors", "code", "status", "voice",
            "metadata", "profile", "recipient_id");

    private static final List<String> TYPES = List.of("text", "interactive", "button", "contacts", "location",
            "audio", "image", "video", "document", "sticker", "reaction", "unsupported", "system", "order", "");

    private MetaDeliveries() {
    }

    /** A member of an object, absent when {@code value} is null. */
    private record Member(String name, JsonNode value) {
    }

    /** What the webhook may be sent: mostly Meta's shape, bent; then any JSON, broken JSON and no text at all. */
    static Arbitrary<byte[]> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, deliveries().map(MetaDeliveries::bytes)),
                Tuple.of(2, anyJson(4).map(MetaDeliveries::bytes)),
                Tuple.of(2, brokenDeliveries()),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)));
    }

    /** Meta's delivery, each member as Meta writes it most of the time, else missing or any JSON value. */
    static Arbitrary<JsonNode> deliveries() {
        return object(member("object", Arbitraries.just(NODES.stringNode("whatsapp_business_account"))),
                member("entry", arrayOf(entry(), 3)));
    }

    private static Arbitrary<JsonNode> entry() {
        return object(member("id", digits().map(NODES::stringNode)), member("changes", arrayOf(change(), 3)));
    }

    private static Arbitrary<JsonNode> change() {
        return object(member("field", Arbitraries.just(NODES.stringNode("messages"))),
                member("value", object(member("messaging_product", Arbitraries.just(NODES.stringNode("whatsapp"))),
                        member("messages", arrayOf(message(), 4)), member("statuses", arrayOf(status(), 3)))));
    }

    private static Arbitrary<JsonNode> message() {
        return object(member("from", digits().map(NODES::stringNode)),
                member("user_id", texts().map(NODES::stringNode)),
                member("id", texts().map(id -> NODES.stringNode("wamid." + id))),
                member("timestamp", timestamps()),
                member("type", Arbitraries.of(TYPES).map(NODES::stringNode)),
                member("text", object(member("body", texts().map(NODES::stringNode)))),
                member("interactive", object(
                        member("button_reply", object(member("id", texts().map(NODES::stringNode)),
                                member("title", texts().map(NODES::stringNode)))),
                        member("list_reply", object(member("id", texts().map(NODES::stringNode)),
                                member("title", texts().map(NODES::stringNode)))))),
                member("button", object(member("text", texts().map(NODES::stringNode)),
                        member("payload", texts().map(NODES::stringNode)))),
                member("contacts", arrayOf(object(
                        member("phones", arrayOf(object(member("wa_id", digits().map(NODES::stringNode)),
                                member("phone", texts().map(NODES::stringNode))), 2)),
                        member("name", object(member("formatted_name", texts().map(NODES::stringNode))))), 2)),
                member("location", object(member("latitude", coordinates()), member("longitude", coordinates()),
                        member("name", texts().map(NODES::stringNode)),
                        member("address", texts().map(NODES::stringNode)))),
                member("audio", object(member("voice", Arbitraries.of(true, false).map(NODES::booleanNode)))));
    }

    private static Arbitrary<JsonNode> status() {
        return object(member("id", texts().map(id -> NODES.stringNode("wamid." + id))),
                member("status", Arbitraries.of("sent", "delivered", "read", "failed", "deleted", "")
                        .map(NODES::stringNode)),
                member("timestamp", timestamps()),
                member("recipient_id", digits().map(NODES::stringNode)),
                member("errors", arrayOf(object(member("code", Arbitraries.integers().map(NODES::numberNode))), 2)));
    }

    /** Unix seconds as Meta writes them (a string), now or long ago or far ahead, or digits that are no time. */
    private static Arbitrary<JsonNode> timestamps() {
        long now = System.currentTimeMillis() / 1000;
        return Arbitraries.oneOf(
                Arbitraries.longs().between(now - 30 * 86_400, now + 86_400).map(s -> NODES.stringNode("" + s)),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(s -> NODES.stringNode("" + s)),
                Arbitraries.strings().numeric().ofMaxLength(30).map(NODES::stringNode),
                Arbitraries.strings().withCharRange('\u0660', '\u0669').ofMinLength(1).ofMaxLength(12)
                        .map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode));
    }

    private static Arbitrary<JsonNode> coordinates() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-200, 200).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("NaN", "Infinity", "-0", " 12.5 ", "1e400", "0x1p3", "12,5", "")
                        .map(NODES::stringNode),
                Arbitraries.bigDecimals().map(NODES::numberNode));
    }

    private static Arbitrary<String> digits() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16),
                Arbitraries.just("5511987654321"), texts());
    }

    /**
     * Text of every kind: any characters (unpaired surrogates, controls and NUL included), emoji, scripts beyond
     * Latin, Meta's own words, and one time in a hundred a string of tens of thousands of characters.
     */
    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(20, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(20, emoji()),
                Tuple.of(20, Arbitraries.of("quero mudar meu e-mail", "Sim", "E-mail", "", " ",
                        "\u0000", "\uFEFF", "﷽", "ẞß", "İı", "\u202E\u202D", "🏳️‍🌈", "null", "{}", "[]")),
                Tuple.of(1, Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.integers().between(1_000, 5_000)).as(String::repeat)));
    }

    private static Arbitrary<String> emoji() {
        return Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(8)
                .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()));
    }

    /** Any JSON value, nested at most {@code depth} deep, its object members often named as Meta's. */
    static Arbitrary<JsonNode> anyJson(int depth) {
        return ANY_JSON.get(Math.min(depth, ANY_JSON.size() - 1));
    }

    // Built once: each level is only a description of how to generate, and building one costs more than using it.
    private static final List<Arbitrary<JsonNode>> ANY_JSON = List.of(anyJsonBuilt(0), anyJsonBuilt(1),
            anyJsonBuilt(2), anyJsonBuilt(3), anyJsonBuilt(4));

    private static Arbitrary<JsonNode> anyJsonBuilt(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                texts().map(NODES::stringNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.bigDecimals().map(value -> NODES.numberNode(new BigDecimal(value.toString()))),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<JsonNode> deeper = anyJsonBuilt(depth - 1);
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), texts());
        Arbitrary<JsonNode> arrays = deeper.list().ofMaxSize(4).map(values -> {
            var array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(names, deeper).as(Member::new).list().ofMaxSize(4)
                .map(MetaDeliveries::objectOf);
        return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, arrays),
                Tuple.of(2, objects));
    }

    /** A delivery's bytes with a few bytes inserted, dropped or changed: most no longer JSON. */
    private static Arbitrary<byte[]> brokenDeliveries() {
        return Combinators.combine(deliveries().map(MetaDeliveries::bytes),
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

    // A member as Meta writes it twelve times in fourteen; otherwise missing, or any JSON value in its place.
    private static Arbitrary<Member> member(String name, Arbitrary<? extends JsonNode> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, plausible.map(value -> new Member(name, value))),
                Tuple.of(1, Arbitraries.just(new Member(name, null))),
                Tuple.of(1, anyJson(2).map(value -> new Member(name, value))));
    }

    @SafeVarargs
    private static Arbitrary<JsonNode> object(Arbitrary<Member>... members) {
        return Combinators.combine(List.of(members)).as(MetaDeliveries::objectOf);
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

    private static Arbitrary<JsonNode> arrayOf(Arbitrary<JsonNode> element, int maxSize) {
        return element.list().ofMaxSize(maxSize).map(values -> {
            var array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        });
    }

    // Written as text first: Jackson's byte writer refuses an unpaired surrogate, which UTF-8 then writes as '?'.
    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
