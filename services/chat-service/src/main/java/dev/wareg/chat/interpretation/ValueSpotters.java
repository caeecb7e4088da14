package dev.wareg.chat.interpretation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value spotters, one per kind, run in an order that keeps them apart: e-mail first (its dots and digits are
 * no date or phone), then dates, CPF and CEP (no house number), the address, the phone, a city named in passing, the
 * name; dictated e-mails and numbers said in words last, only where nothing was written. Each spotter takes what it
 * found out of the text the next ones see. Cheap checks (a digit, an "@", a word of its own) come before each
 * pattern, so most messages run only a few of them. Values are as written, so that their place in the text is known.
 */
final class ValueSpotters {

    private ValueSpotters() {
    }

    /**
     * @param message the text as written (slips in the words before values already put right)
     * @param folded  the same text folded by {@link Normaliser#fold}
     * @param original the text as written, folded
     * @param words   its words
     */
    static Map<String, String> spot(String message, String folded, String original, List<String> words,
            String askedField) {
        Map<String, String> values = new HashMap<>();
        String text = Courtesy.withoutCourtesy(message);
        boolean digits = hasDigit(text);
        String rest = EmailSpotter.written(text, values);
        if (digits) {
            rest = DateSpotter.numeric(rest, values);
            if (!values.containsKey("birthDate")) {
                DateSpotter.inWords(Normaliser.sameLength(rest), rest, values);
                if (values.containsKey("birthDate")) {
                    rest = rest.replace(values.get("birthDate"), " ");
                }
            }
            rest = NumberSpotter.documents(rest, values);
        }
        rest = AddressSpotter.spot(text, rest, folded, digits, values);
        if (values.containsKey("postalCode")) {
            AddressTail.afterPostalCode(text, values.get("postalCode"), values);
        }
        if (digits) {
            NumberSpotter.phone(rest, folded, values);
            NumberSpotter.grouped(rest, folded, askedField, values);
        }
        AddressSpotter.cityIn(text, rest, values);
        NameSpotter.spot(text, folded, values);
        if (!values.containsKey("email") && (original.contains("arroba") || original.contains(" roba ") || original.contains(" at "))) {
            // as written ("gmail" is no slip of "email" there), its numbers in digits ("costa noventa e um arroba")
            EmailSpotter.dictated(NumberWords.any(words) ? NumberWords.digits(original) : original, values);
        }
        if (NumberWords.any(words)) {
            String spoken = NumberWords.digits(Normaliser.fold(text));
            if (!values.containsKey("birthDate")) {
                DateSpotter.inWords(spoken, spoken, values);
            }
            NumberSpotter.grouped(spoken, folded, askedField, values);
            if ("number".equals(askedField) && !values.containsKey("number")) {
                NumberSpotter.houseNumber(spoken, values); // "duzentos e doze", "mil e duzentos"
            }
            AddressSpotter.labelledNumber(spoken, values); // "... numero duzentos e dez"
        }
        return values;
    }

    static boolean containsAny(String text, String[] hints) {
        for (String hint : hints) {
            if (text.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
