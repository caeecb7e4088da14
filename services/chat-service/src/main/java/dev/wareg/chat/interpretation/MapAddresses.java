package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-line address a map app puts in a shared location into the address fields. WhatsApp passes on what
 * the map wrote, which for Brazil is {@code Street, Number - District, City - UF, CEP}, sometimes with a complement
 * ({@code - 14º andar -}), without number or district, with commas for the dashes, or with the country at the end.
 * That format is regular enough to read by position, where the rules for typed text, made for what people write,
 * would cut "R. Dr. Diogo de Faria" at its first abbreviation. Only an address that ends in a city with its state
 * is read; anything else is left to the rules.
 */
public final class MapAddresses {

    private static final Pattern POSTAL_CODE = Pattern.compile("(?<![\\d-])(\\d{5}-?\\d{3})(?![\\d-])");
    /** "São Paulo - SP": the city and its state, the dash spaced so that "Cívico-Administrativa" is no separator. */
    private static final Pattern CITY_AND_STATE = Pattern.compile("^(.+?)\\s+[-–]\\s+(\\p{L}{2})$");
    private static final Pattern PARTS = Pattern.compile("\\s*,\\s*|\\s+[-–]\\s+");
    private static final Pattern HOUSE_NUMBER =
            Pattern.compile("^(?:n[º°o]?\\.?\\s*)?(\\d{1,6}[a-zA-Z]?|s/?n[º°]?)$", Pattern.CASE_INSENSITIVE);
    /** How a street's name begins, where one part alone could be a street or a district. */
    private static final Pattern STREET_KIND = Pattern.compile(
            "^(?:rua|r\\.|avenida|av\\.?|alameda|al\\.|travessa|tv\\.|pra[cç]a|p[cç]a\\.?|estrada|rodovia|rod\\.|largo"
                    + "|ladeira|viela|beco|passagem|servid[aã]o|esplanada)(?:\\s|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> COUNTRY = List.of("brasil", "brazil");

    private MapAddresses() {
    }

    /**
     * The fields the address gives, by name, in the order it writes them; empty when it is not in a map's format
     * (no "City - UF"). Values are as written: the fields' validators judge them like typed ones.
     */
    public static Map<String, String> read(String address) {
        if (address == null) {
            return Map.of();
        }
        String postalCode = null;
        Matcher cep = POSTAL_CODE.matcher(address);
        String rest = address;
        if (cep.find()) {
            postalCode = cep.group(1);
            rest = address.substring(0, cep.start()) + address.substring(cep.end());
        }
        List<String> segments = new ArrayList<>(Arrays.stream(rest.split(",")).map(String::strip)
                .filter(segment -> !segment.isEmpty()).toList());
        if (!segments.isEmpty() && COUNTRY.contains(segments.getLast().toLowerCase(Locale.ROOT))) {
            segments.removeLast();
        }
        if (segments.isEmpty()) {
            return Map.of();
        }
        // "São Paulo - SP", or "São Paulo, SP" where the comma stands for the dash.
        String city;
        String state;
        Matcher last = CITY_AND_STATE.matcher(segments.getLast());
        if (last.matches() && isState(last.group(2))) {
            city = last.group(1).strip();
            state = last.group(2);
            segments.removeLast();
        } else if (segments.size() >= 2 && segments.getLast().length() == 2 && isState(segments.getLast())) {
            state = segments.removeLast();
            city = segments.removeLast();
        } else {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> parts = segments.isEmpty() ? List.of()
                : Arrays.stream(PARTS.split(String.join(", ", segments))).map(String::strip)
                        .filter(part -> !part.isEmpty()).toList();
        if (parts.size() == 1 && !STREET_KIND.matcher(parts.getFirst()).find()) {
            values.put("district", parts.getFirst()); // "Bela Vista, São Paulo - SP": a district, not a street
        } else if (!parts.isEmpty()) {
            values.put("street", parts.getFirst());
            int next = 1;
            Matcher number = HOUSE_NUMBER.matcher(parts.size() > 1 ? parts.get(1) : "");
            if (number.matches()) {
                values.put("number", number.group(1));
                next = 2;
            }
            if (parts.size() - next >= 2) {
                values.put("complement", String.join(", ", parts.subList(next, parts.size() - 1)));
            }
            if (parts.size() > next) {
                values.put("district", parts.getLast());
            }
        }
        values.put("city", city);
        values.put("state", state);
        if (postalCode != null) {
            values.put("postalCode", postalCode);
        }
        return values;
    }

    private static boolean isState(String code) {
        return code.length() == 2 && RegistrationFields.STATE.validate(code) instanceof Validation.Valid;
    }
}
