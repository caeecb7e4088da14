package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.fields.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the values of a message go while a field is asked. A value goes to another field when the interpreter says
 * it is that field's: the message names the field or its topic ("meu email é ..."), it is another part of the topic
 * asked (the street and number beside the CEP asked), or the field asked refuses what the message says for it (a CEP
 * when the name is asked). The field asked keeps its reading only when that reading is
 * valid and is not just the whole message around a value labelled for another field ("meu cep é 01310-100" is no
 * street, though a street could be written so).
 */
final class OutOfTurnValues {

    /**
     * @param elsewhere the fields other than the one asked that take a value from the message, in the schema's order
     * @param meaning   the reading to fill the form from: without the field asked's reading when that is not its answer
     */
    record Placement(List<String> elsewhere, Interpretation meaning) {
    }

    private final FormSchema schema;

    OutOfTurnValues(FormSchema schema) {
        this.schema = schema;
    }

    Placement place(Conversation conversation, Interpretation meaning) {
        String asked = conversation.asking();
        boolean answersAsked = answersAsked(asked, meaning);
        List<String> elsewhere = schema.all().stream()
                .filter(name -> !name.equals(asked) && meaning.values().containsKey(name))
                // Beside the answer, and not inside it, a value of another field of the same topic is the rest of it
                // ("rua sete de setembro 230 apto 501, centro, Vitória ES, cep 29015-000" asked the CEP: the whole
                // address; "apto 42" asked the complement gives no house number).
                .filter(name -> !answersAsked || names(meaning, name)
                        || sameTopic(asked, name) && !surrounds(meaning.values().get(asked), meaning, name))
                // A registration starts from the sender's own number: it takes no other.
                .filter(name -> !conversation.isRegistration() || schema.reviewed().contains(name))
                .toList();
        return new Placement(elsewhere, answersAsked ? meaning : without(meaning, asked));
    }

    private boolean sameTopic(String asked, String field) {
        return asked != null && schema.topicOf(asked).name().equals(schema.topicOf(field).name());
    }

    /** Whether the message names this field, or its topic. */
    private boolean names(Interpretation meaning, String field) {
        return meaning.targetFields().contains(field) || meaning.targetFields().contains(schema.topicOf(field).name());
    }

    private boolean answersAsked(String asked, Interpretation meaning) {
        String answer = meaning.values().get(asked);
        return answer != null && schema.field(asked).validate(answer) instanceof Validation.Valid
                && meaning.values().keySet().stream().noneMatch(field -> !field.equals(asked)
                        && names(meaning, field) && surrounds(answer, meaning, field));
    }

    /** Whether the answer holds the field's value: its span in the text, or the words it was said in (no span). */
    private static boolean surrounds(String answer, Interpretation meaning, String field) {
        String span = meaning.spans().get(field);
        return span == null || answer.contains(span);
    }

    private static Interpretation without(Interpretation meaning, String field) {
        Map<String, String> values = new LinkedHashMap<>(meaning.values());
        values.remove(field);
        Map<String, String> spans = new LinkedHashMap<>(meaning.spans());
        spans.remove(field);
        return new Interpretation(meaning.intent(), meaning.confidence(), meaning.targetFields(), values,
                meaning.choice(), meaning.language(), meaning.everything(), spans);
    }
}
