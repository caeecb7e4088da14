package dev.wareg.chat.conversation;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The forms the conversation fills, declared as data: the fields in the order they are asked, the topics a person
 * names ("endereço" is seven fields), which topic a shared location answers, which values are shown masked, and
 * which fields a CEP lookup fills in. The form loop reads everything field-specific from here and from the
 * phrasebook, never from its own code.
 */
@Component
class FormSchema {

    /**
     * A thing a person can ask to change; its label is {@code topic.<name>.label}.
     *
     * @param takesLocation a shared location (a map pin with the place's address) answers it: the address is read
     *                      like a typed one into these fields
     */
    record Topic(String name, List<String> fields, boolean takesLocation) {

        Topic(String name, List<String> fields) {
            this(name, fields, false);
        }

        Topic takingLocation() {
            return new Topic(name, fields, true);
        }
    }

    /**
     * Asked only when the person asks to change them, never in a registration or a review: the phone is the WhatsApp
     * identity the registration starts from, and a new one is proven by a code sent to it ({@link ContactProofs}).
     */
    private static final Set<String> ON_REQUEST = Set.of("phone");
    /**
     * Fields one word names at once when nothing around it tells which: a bare "número" is the house number or the
     * phone. Named together, the person is asked which ({@code choose.<a>-or-<b>} and a button per field), the
     * likelier first.
     */
    private static final List<List<String>> NAMED_BY_ONE_WORD = List.of(List.of("phone", "number"));
    /** Shown masked even to the person, on confirmation and when showing their data. */
    private static final Set<String> SHOWN_MASKED = Set.of("cpf");
    /** The field whose value a postal code lookup completes, and the fields the lookup fills in. */
    private static final String LOOKED_UP = "postalCode";
    /**
     * Parts an address is not saved without while it is written anew (a new CEP, or none held before): skipping
     * them is refused, so that no address lacks its street, city or state.
     */
    private static final Set<String> ESSENTIAL = Set.of("street", "city", "state");
    /** What skipping a part means where the part has a value for "none": a house without a number is "s/n". */
    private static final Map<String, String> SKIPPED_AS = Map.of("number", "s/n");
    /** Dates, which the validators read day first (as Brazil writes them); English may write them month first. */
    private static final Set<String> DATES = Set.of("birthDate");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final List<String> IMPLIED = List.of("street", "district", "city", "state");

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<Topic> topics = List.of(
            new Topic("name", List.of("name")),
            new Topic("email", List.of("email")),
            new Topic("address", List.of("postalCode", "street", "number", "complement", "district", "city", "state"))
                    .takingLocation(),
            new Topic("cpf", List.of("cpf")),
            new Topic("birthDate", List.of("birthDate")),
            new Topic("phone", List.of("phone")));
    private final PostalCodeLookup postalCodes;

    FormSchema(Clock clock, PostalCodeLookup postalCodes) {
        this.postalCodes = postalCodes;
        for (Field field : RegistrationFields.ASKED) {
            // The birth date judges "in the future" by the injected clock, like everything else here.
            fields.put(field.name(), field.name().equals("birthDate") ? RegistrationFields.birthDate(clock) : field);
        }
        // A new WhatsApp identity must be a mobile.
        fields.put(RegistrationFields.PHONE.name(), RegistrationFields.phone(true));
    }

    Field field(String name) {
        Field field = fields.get(name);
        if (field == null) {
            throw new IllegalStateException("no such field in the schema: " + name);
        }
        return field;
    }

    /**
     * When these fields are the ones a single word names, the fields to choose from, most likely first; otherwise
     * empty, and the fields are simply asked.
     */
    List<String> choiceBetween(List<String> fields) {
        return NAMED_BY_ONE_WORD.stream()
                .filter(named -> named.size() == fields.size() && named.containsAll(fields))
                .findFirst().orElse(List.of());
    }

    /**
     * The fields to ask for a change of these: the same, except that a part of a topic of several (the complement of
     * an address) brings its whole topic when the account holds none of it, so that no address is saved as a lone
     * complement or number.
     */
    List<String> wholeTopicWhereNoneIsHeld(List<String> fields, AccountSnapshot account) {
        List<String> asked = new ArrayList<>();
        for (String field : fields) {
            List<String> topic = topicOf(field).fields();
            boolean noneHeld = topic.size() > 1 && topic.stream().allMatch(part -> account.value(part) == null);
            for (String part : noneHeld ? topic : List.of(field)) {
                if (!asked.contains(part)) {
                    asked.add(part);
                }
            }
        }
        return asked;
    }

    /** What a registration asks: the required fields. */
    List<String> registration() {
        return fields.values().stream().filter(Field::required).map(Field::name)
                .filter(name -> !ON_REQUEST.contains(name)).toList();
    }

    /** What a review of the whole registration walks through. */
    List<String> reviewed() {
        return all().stream().filter(name -> !ON_REQUEST.contains(name)).toList();
    }

    /** The topics a person picks from in the menu: those asked on request are named, not offered. */
    List<Topic> topics() {
        return topics.stream().filter(topic -> topic.fields().stream().noneMatch(ON_REQUEST::contains)).toList();
    }

    /** The topic a field belongs to. */
    Topic topicOf(String fieldName) {
        return topics.stream().filter(topic -> topic.fields().contains(fieldName)).findFirst().orElseThrow();
    }

    /** The fields a shared location answers, in the order they are asked. */
    List<String> locationFields() {
        return all().stream().filter(this::takesLocation).toList();
    }

    /** Whether a shared location answers this field; false for null or a name that is no field of the schema. */
    /** Whether this part must be given, not skipped nor kept: an essential part of an address written anew. */
    boolean mustBeGiven(String fieldName, Conversation conversation) {
        return ESSENTIAL.contains(fieldName) && writtenAnew(fieldName, conversation);
    }

    /** What skipping this part stores where it is written anew ("s/n" for the number), if anything. */
    Optional<String> skippedAs(String fieldName, Conversation conversation) {
        return writtenAnew(fieldName, conversation) ? Optional.ofNullable(SKIPPED_AS.get(fieldName)) : Optional.empty();
    }

    /** A part of a topic whose looked-up field (the CEP) changes in this form, or of which nothing is held. */
    private boolean writtenAnew(String fieldName, Conversation conversation) {
        List<String> topic = topicOf(fieldName).fields();
        String lookedUp = conversation.collected().get(LOOKED_UP);
        boolean newLookup = topic.contains(LOOKED_UP) && lookedUp != null
                && !lookedUp.equals(conversation.current().get(LOOKED_UP));
        return newLookup || topic.stream().allMatch(part -> conversation.current().get(part) == null);
    }

    boolean isDate(String fieldName) {
        return DATES.contains(fieldName);
    }

    boolean takesLocation(String fieldName) {
        return fieldName != null
                && topics.stream().anyMatch(topic -> topic.takesLocation() && topic.fields().contains(fieldName));
    }

    /** All fields, in the order they are asked. */
    List<String> all() {
        return List.copyOf(fields.keySet());
    }

    /** A value as the person sees it. */
    String show(String fieldName, String value) {
        if (DATES.contains(fieldName)) {
            return asWrittenHere(value);
        }
        return SHOWN_MASKED.contains(fieldName) ? field(fieldName).mask().apply(value) : value;
    }

    /** A date stored as ISO shown the way the prompt asks for it and Brazilians write it: 22/02/1983. */
    private static String asWrittenHere(String iso) {
        try {
            return LocalDate.parse(iso).format(DAY_MONTH_YEAR);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The fields whose values this one's lookup fills in: re-opening it re-opens them too. */
    List<String> impliedBy(String fieldName) {
        return fieldName.equals(LOOKED_UP) ? IMPLIED : List.of();
    }

    /**
     * Values other fields take from this one's, when it has a lookup (the CEP's street, district, city and state);
     * empty when it has none or the lookup knows nothing.
     */
    Map<String, String> derivedValues(String fieldName, String value) {
        if (!fieldName.equals(LOOKED_UP)) {
            return Map.of();
        }
        Optional<PostalAddress> address = postalCodes.find(value);
        if (address.isEmpty()) {
            return Map.of();
        }
        var derived = new LinkedHashMap<String, String>();
        putIfPresent(derived, "street", address.get().street());
        putIfPresent(derived, "district", address.get().district());
        putIfPresent(derived, "city", address.get().city());
        putIfPresent(derived, "state", address.get().state());
        return derived;
    }

    private static void putIfPresent(Map<String, String> values, String field, String value) {
        if (value != null && !value.isBlank()) {
            values.put(field, value);
        }
    }
}
