package dev.wareg.eval;

import java.util.Map;

/**
 * One line of a corpus: {@code {"text","lang","intent","values","asked"}}.
 *
 * @param intent the expected intent, lower case ({@code update}, {@code show_my_data})
 * @param values the expected values by field name, as written in the text
 * @param asked  the field the bot had just asked for, or null
 */
record LabelledUtterance(String text, String lang, String intent, Map<String, String> values, String asked) {

    LabelledUtterance {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
