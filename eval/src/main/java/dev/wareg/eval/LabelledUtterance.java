package dev.wareg.eval;

import java.util.Map;

/**
 * One line of a corpus: {@code {"text","lang","intent","values","asked","family"}}.
 *
 * @param intent the expected intent, lower case ({@code update}, {@code show_my_data})
 * @param values the expected values by field name, as written in the text (generated splits) or as stored
 *               (hand-written splits); both are compared after the field's own normalisation
 * @param asked  the field the bot had just asked for, or null
 * @param family the template a generated line comes from, or null
 */
record LabelledUtterance(String text, String lang, String intent, Map<String, String> values, String asked,
        String family) {

    LabelledUtterance {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
