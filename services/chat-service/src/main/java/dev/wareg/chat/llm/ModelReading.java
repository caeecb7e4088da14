package dev.wareg.chat.llm;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a model read in a message, once checked: an intent among those it was allowed, topics and fields the
 * conversation knows, and values that pass the fields' validators and appear in the message.
 * <p>
 * A reading outside the schema (not JSON, an intent or field not offered, an unexpected property, a value that is
 * not a string) is discarded as a whole: the model did not do what it was asked, so nothing it said is trusted.
 * Values are checked one by one and the invalid ones dropped: the model copies values, it does not make them up,
 * so a value whose letters and digits are not in the message is dropped too, and so is one the field refuses.
 */
record ModelReading(Intent intent, Set<String> targetFields, Map<String, String> values) {

    /** What {@code targetFields} may name: the topics a person asks to change, and the parts of an address. */
    static final List<String> TARGETS = List.of("name", "email", "address", "cpf", "birthDate", "postalCode",
            "street", "number", "complement", "district", "city", "state");
    /** What {@code values} may hold: every field asked, and the phone a person may write. */
    static final Map<String, Field> FIELDS = fields();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROPERTIES = Set.of("intent", "targetFields", "values");

    ModelReading {
        targetFields = Set.copyOf(targetFields);
        values = Map.copyOf(values);
    }

    /** The reading in a model's answer, or empty when the answer is outside the schema. */
    static Optional<ModelReading> check(String content, Set<Intent> allowed, String message) {
        JsonNode reading;
        try {
            reading = JSON.readTree(content);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (reading == null || !reading.isObject() || !PROPERTIES.containsAll(reading.propertyNames())) {
            return Optional.empty();
        }
        Optional<Intent> intent = intent(reading.get("intent"), allowed);
        Optional<Set<String>> targets = targets(reading.get("targetFields"));
        Optional<Map<String, String>> values = values(reading.get("values"));
        if (intent.isEmpty() || targets.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> valid = new HashMap<>();
        values.get().forEach((name, value) -> {
            if (written(value, message) && FIELDS.get(name).validate(value) instanceof Validation.Valid) {
                valid.put(name, value);
            }
        });
        return Optional.of(new ModelReading(intent.get(), targets.get(), valid));
    }

    /** The name a model sees and answers with: {@code show_my_data}. */
    static String name(Intent intent) {
        return intent.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<Intent> intent(JsonNode node, Set<Intent> allowed) {
        if (node == null || !node.isString()) {
            return Optional.empty();
        }
        return allowed.stream().filter(intent -> name(intent).equals(node.asString())).findFirst();
    }

    /** Absent or null is no target; anything but an array of known names is outside the schema. */
    private static Optional<Set<String>> targets(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(Set.of());
        }
        if (!node.isArray()) {
            return Optional.empty();
        }
        Set<String> targets = new LinkedHashSet<>();
        for (JsonNode target : node) {
            if (!target.isString() || !TARGETS.contains(target.asString())) {
                return Optional.empty();
            }
            targets.add(target.asString());
        }
        return Optional.of(targets);
    }

    /** Absent, null or empty values are none (small models fill every property); unknown fields are outside. */
    private static Optional<Map<String, String>> values(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(Map.of());
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var property : node.properties()) {
            JsonNode value = property.getValue();
            if (!FIELDS.containsKey(property.getKey()) || !(value.isString() || value.isNull())) {
                return Optional.empty();
            }
            if (value.isString() && !value.asString().isBlank()) {
                values.put(property.getKey(), value.asString().strip());
            }
        }
        return Optional.of(values);
    }

    /** Whether the value's letters and digits appear, in order, in the message's (case and accents aside). */
    private static boolean written(String value, String message) {
        String letters = lettersAndDigits(value);
        return !letters.isEmpty() && lettersAndDigits(message).contains(letters);
    }

    private static String lettersAndDigits(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static Map<String, Field> fields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        Stream.concat(RegistrationFields.ASKED.stream(), Stream.of(RegistrationFields.PHONE))
                .forEach(field -> fields.put(field.name(), field));
        return Collections.unmodifiableMap(fields);
    }
}
