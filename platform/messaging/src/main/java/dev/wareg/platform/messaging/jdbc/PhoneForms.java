package dev.wareg.platform.messaging.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms a phone takes in events. Channels name a sender as their network does: the Cloud API's {@code wa_id}
 * is the number without '+', and for Brazilian mobiles registered before the ninth digit it may lack that digit
 * ({@code 55 11 8765-4321} for {@code +55 11 98765-4321}); WhatsApp Web's JIDs add {@code @server} to it.
 */
final class PhoneForms {

    private PhoneForms() {
    }

    /** The digit forms of an E.164 phone: itself without '+', and for a Brazilian mobile also without its ninth digit. */
    static List<String> digits(String e164) {
        String digits = e164.replaceAll("[^0-9]", "");
        List<String> forms = new ArrayList<>(List.of(digits));
        // +55, two-digit area code, then 9 and eight digits.
        if (digits.length() == 13 && digits.startsWith("55") && digits.charAt(4) == '9') {
            forms.add(digits.substring(0, 4) + digits.substring(5));
        }
        return List.copyOf(forms);
    }
}
