package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers that identify: CPF (eleven digits whose check digits hold), CEP (eight digits, "01310-100"), phone (ten or
 * more digits, "(11) 98765-4321", "+55 11 9 8765 4321", or a local "98765-4321"). Also digits written in groups
 * ("123 456 789 09", "80 420 090") or dictated in words (digits from {@link NumberWords}), joined and placed by
 * their count and what the message names. Values are as written; {@link CanonicalValues} makes them digits and E.164.
 */
final class NumberSpotter {

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d@])((?:\\+?55\\s*)?\\(?\\d{2}\\)?\\s*9?\\s*\\d{4}[\\s.-]?\\d{4})(?![\\d@])");
    private static final Pattern CPF = Pattern.compile("(?<![\\d.-])(\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2})(?![\\d-])(?!\\.\\d)");
    private static final Pattern CEP = Pattern.compile("(?<![\\d.-])(\\d{2}\\.?\\d{3}-\\d{3}|\\d{8})(?![\\d-])(?!\\.\\d)");
    private static final Pattern PHONE_WORD = Pattern.compile("telefone|celular|fone|phone|whats|contato|cel\\b|\\bzap\\b");
    /** Eight digits grouped as a CEP is written, said with an address: "59064 630". */
    private static final Pattern FIVE_THEN_THREE = Pattern.compile("\\d{5}[\\s.]\\d{3}");
    /** A phone number without the area code: "9876-5432", "98765-4321" (a CEP is 5 and 3 digits). */
    private static final Pattern LOCAL_PHONE = Pattern.compile("(?<![\\d@.-])(9?\\d{4}-\\d{4})(?![\\d-])");
    /** Digits in groups: "123 456 789 09", "932.880.407.86", "41 9 9662 3458". */
    private static final Pattern GROUPED = Pattern.compile("(?<![\\d@/])\\d{1,9}(?:[ .-]{1,2}\\d{1,9})*(?![\\d@/])");

    private static final Pattern HOUSE_NUMBER = Pattern.compile("(?<![\\d.-])\\d{1,5}(?![\\d.-])");

    private NumberSpotter() {
    }

    /** The CPF and the CEP, before the address is read (a CEP is no house number); returns what is left. */
    static String documents(String rest, Map<String, String> values) {
        Matcher cpf = CPF.matcher(rest);
        // Eleven digits are a CPF only when the check digits say so; otherwise most likely a phone number.
        if (cpf.find() && RegistrationFields.CPF.validate(cpf.group(1)) instanceof Validation.Valid) {
            values.put("cpf", cpf.group(1));
            rest = rest.replace(cpf.group(1), " ");
        }
        Matcher cep = CEP.matcher(rest);
        if (cep.find()) {
            values.put("postalCode", cep.group(1));
            rest = rest.replace(cep.group(1), " ");
        }
        return rest;
    }

    static void phone(String rest, String lower, Map<String, String> values) {
        Matcher phone = PHONE.matcher(rest);
        if (phone.find()) {
            int count = (int) phone.group(1).chars().filter(Character::isDigit).count();
            // Eleven digits after "cpf" are a CPF with wrong check digits, not a phone number.
            boolean invalidCpf = count == 11 && lower.contains("cpf") && !PHONE_WORD.matcher(lower).find();
            if (count >= 10 && !invalidCpf) {
                values.put("phone", phone.group(1).strip());
            }
        } else if (rest.indexOf('-') >= 0) {
            Matcher local = LOCAL_PHONE.matcher(rest);
            if (local.find()) {
                values.put("phone", local.group(1));
            }
        }
    }

    /** The one number of one to five digits in an answer to the house number: "numero é 212" (said in words). */
    static void houseNumber(String spoken, Map<String, String> values) {
        Matcher number = HOUSE_NUMBER.matcher(spoken);
        if (number.find()) {
            String first = number.group();
            if (!number.find()) {
                values.put("number", first);
            }
        }
    }

    /**
     * Digits in groups, or from words: eleven with valid check digits are a CPF; eight a CEP where a CEP is asked
     * or named; ten to thirteen a phone number. Only fields not spotted yet.
     */
    static void grouped(String text, String lower, String askedField, Map<String, String> values) {
        Matcher group = GROUPED.matcher(text);
        boolean phoneNamed = PHONE_WORD.matcher(lower).find() && !lower.contains("cpf");
        while (group.find()) {
            String digits = group.group().replaceAll("\\D", "");
            int count = digits.length();
            // "my number is 81 98800 1234": the phone's digits, which may pass a CPF's check by chance
            boolean thePhone = phoneNamed
                    || values.containsKey("phone") && values.get("phone").replaceAll("\\D", "").endsWith(digits);
            if (count == 11 && !values.containsKey("cpf") && !thePhone
                    && RegistrationFields.CPF.validate(digits) instanceof Validation.Valid) {
                values.put("cpf", group.group());
            } else if (count == 8 && !values.containsKey("postalCode") && ("postalCode".equals(askedField)
                    || lower.contains("cep") || lower.contains("zip") || FIVE_THEN_THREE.matcher(group.group()).matches()
                    && (values.containsKey("street") || values.containsKey("state")))) { // "… natal rn 59064 630"
                values.put("postalCode", group.group());
            } else if (count >= 10 && count <= 13 && !values.containsKey("phone")
                    && !(count == 11 && !phoneNamed && (lower.contains("cpf") || "cpf".equals(askedField)))
                    && RegistrationFields.PHONE.validate(digits) instanceof Validation.Valid) {
                values.put("phone", group.group());
            }
        }
    }
}
