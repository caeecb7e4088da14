package dev.wareg.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person is named to {@link PersonKeys}: events name a person by their conversation ({@code channel:id}, the
 * {@link dev.wareg.contracts.IntegrationEvent#orderingKey()}), and the id takes several forms for the same person
 * (a phone with or without '+', a Brazilian mobile with or without its ninth digit, a WhatsApp Web JID with a device
 * or server suffix). Every form of a phone becomes the same subject, whatever the channel, so one person has one key;
 * any other id (a business-scoped user id, a LID, an account id) is a subject of its own. The subject is a SHA-256
 * of that canonical form: stores and envelopes never hold the phone itself.
 */
public final class PersonSubjects {

    private static final Pattern PHONE = Pattern.compile("^\\+?([0-9]{4,20})([@:].*)?$");

    private PersonSubjects() {
    }

    /** The subject of the person an ordering key ({@code channel:id}) names. */
    public static String ofOrderingKey(String orderingKey) {
        int colon = orderingKey.indexOf(':');
        return of(colon < 0 ? orderingKey : orderingKey.substring(colon + 1));
    }

    /** The subject of a person's id on a channel, in any of its forms. */
    public static String of(String id) {
        return hash(canonical(id));
    }

    static String canonical(String id) {
        Matcher phone = PHONE.matcher(id);
        if (!phone.matches()) {
            return "id:" + id;
        }
        String digits = phone.group(1);
        // 55, a two-digit area code, then 9 and eight digits: the form without the ninth digit is the same person.
        if (digits.length() == 13 && digits.startsWith("55") && digits.charAt(4) == '9') {
            digits = digits.substring(0, 4) + digits.substring(5);
        }
        return "phone:" + digits;
    }

    private static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("wareg person " + canonical).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
