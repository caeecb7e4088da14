package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an address after its street and number, or after its CEP, as people write them: with commas and
 * capitals ("Rua Augusta, 500, apto 12 - Consolação, São Paulo - SP") or run together by a voice note or a hurried hand
 * ("guama belem pa", "lagoa nova natal"), read up to a city {@link PlaceNames} knows; and the state said after a city.
 */
final class AddressTail {

    /** Between the parts of an address after the street and number: ", " or " - ". */
    private static final Pattern ADDRESS_SEPARATOR = Pattern.compile("\\s*(?:[,;]|\\s-\\s|/)\\s*");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s,;/-]+");
    private static final Pattern PLACE_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'.]*(?:\\s+(?:(?:de|da|do|dos|das|DE|DA|DO|DOS|DAS)\\s+)?\\p{Lu}[\\p{L}'.]*){0,4}");
    /** Two capitals ending a place: the federative unit ("Curitiba PR"). */
    private static final Pattern TRAILING_UNIT = Pattern.compile("[\\s-]([A-Z]{2})$");
    private static final Pattern PLACE_WORD = Pattern.compile("\\p{L}[\\p{L}']*");
    /** Words after which a run-together address has no more places: "né", "e o cep é", "ok", "obrigado". */
    private static final Set<String> TAIL_ENDS = Set.of("cep", "zip", "ne", "ok", "ta", "ai", "obrigado", "obrigada",
            "obg", "valeu", "vlw", "por", "pfv", "please", "thanks", "e", "and", "o", "que", "mas", "but", "meu", "minha",
            "my", "email", "telefone", "fone", "phone", "atualiza", "update", "cpf");
    private static final Set<String> TAIL_OPENERS = Set.of("no", "na", "em", "in", "bairro", "the", "district", "ali",
            "aqui", "la", "fica", "do", "da", "dos", "das");
    private static final Set<String> STATE_WORDS = Set.of("state", "estado");
    private static final Pattern CITY_STATE_SEPARATOR = Pattern.compile("\\s*[,/]\\s*|\\s+-\\s+|\\s+");
    private static final Set<String> CONNECTIVES = Lexicon.STANDARD.words("name-connectives");

    private AddressTail() {
    }

    /** The parts written after a CEP: "é o 13083-970, Barão Geraldo, Campinas SP". */
    static void afterPostalCode(String text, String postalCode, Map<String, String> values) {
        int at = text.indexOf(postalCode);
        if (at >= 0 && !values.containsKey("street") && !values.containsKey("city")) {
            read(text.substring(at + postalCode.length()), values);
        }
    }

    /**
     * The parts of an address written after the street and number, as Brazilians write them: "Rua Augusta, 500,
     * apto 12 - Consolação, São Paulo - SP". Capitalised parts are read in order (a complement where one is, then
     * district, city), a state only where a state is; a part in lower case or with other words ends the address.
     */
    static void read(String tail, Map<String, String> values) {
        List<String> places = new ArrayList<>();
        String state = null;
        boolean complementBefore = false;
        for (String part : ADDRESS_SEPARATOR.split(LEADING_SEPARATOR.matcher(tail).replaceFirst(""))) {
            String segment = part.strip().replaceAll("[.!]+$", "").strip();
            if (segment.isEmpty()) {
                continue;
            }
            if (state != null) {
                break;
            }
            Matcher complement = AddressSpotter.COMPLEMENT.matcher(segment);
            if (complement.matches() && places.isEmpty()) {
                if (complementBefore) {
                    values.merge("complement", segment, (first, next) -> first + ", " + next); // "Bloco C, Apto 203"
                } else {
                    values.putIfAbsent("complement", segment);
                }
                complementBefore = true;
                continue;
            }
            complementBefore = false;
            if (segment.length() == 2 && RegistrationFields.STATE.validate(segment) instanceof Validation.Valid) {
                state = segment;
            } else if (places.size() < 2 && endsInState(segment)) {
                places.add(segment.substring(0, segment.length() - 3).strip()); // "São Paulo SP"
                state = segment.substring(segment.length() - 2);
            } else if (PLACE_NAME.matcher(segment).matches() && places.size() < 2) {
                places.add(segment);
            } else {
                break;
            }
        }
        if (places.isEmpty() && state == null) {
            runTogether(tail, values);
            return;
        }
        if (state != null && !places.isEmpty()) {
            values.put("state", state);
            values.put("city", places.removeLast());
        }
        if (places.size() == 2) {
            values.put("city", places.removeLast());
        }
        if (!places.isEmpty()) {
            values.put("district", places.getFirst());
        }
    }

    /**
     * The parts after the street and number as a voice note or a hurried hand gives them, without commas or capitals:
     * "guama belem pa", "centro, cascavel pr", "copacabana rio de janeiro" ({@link #placesAtTheEnd}).
     */
    private static void runTogether(String tail, Map<String, String> values) {
        List<String> words = new ArrayList<>();
        for (String word : AddressSpotter.COMPLEMENT.matcher(tail).replaceAll(" ").split("[\\s,;/.!?-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!PLACE_WORD.matcher(word).matches() || TAIL_ENDS.contains(Normaliser.fold(word))) {
                break; // a CEP, "né", "e o cep é ...": the places are over
            }
            words.add(word);
        }
        while (!words.isEmpty() && TAIL_OPENERS.contains(Normaliser.fold(words.getFirst()))) {
            words.removeFirst(); // "no Ibura", "bairro Centro"
        }
        placesAtTheEnd(words, values);
        if (!values.containsKey("city")) {
            knownCityLast(words, values);
        }
    }

    /**
     * District, city and state at the end of some words, read only when the words end in a state (its code or name)
     * and, before it, a city of {@link PlaceNames} in that state, or the state's name is its capital's ("copacabana rio
     * de janeiro"); without the state, "jardim paulista" could be a district or a city.
     */
    static void placesAtTheEnd(List<String> words, Map<String, String> values) {
        for (int s = Math.min(4, words.size()); s >= 1; s--) {
            String said = String.join(" ", words.subList(words.size() - s, words.size()));
            if (!(RegistrationFields.STATE.validate(said) instanceof Validation.Valid(String state))) {
                continue;
            }
            List<String> before = words.subList(0, words.size() - s);
            for (int n = Math.min(4, before.size()); n >= 1; n--) {
                String city = String.join(" ", before.subList(before.size() - n, before.size()));
                if (PlaceNames.in(city, state)) {
                    placed(before.subList(0, before.size() - n), city, state, values);
                    return;
                }
            }
            if (s > 1 && PlaceNames.in(said, state)) {
                placed(before, said, state, values); // "rio de janeiro": the city and its state
            }
            return;
        }
    }

    /**
     * "lagoa nova natal", "edson queiroz fortaleza", "jaguaribe em joao pessoa": without a state, a listed city ending
     * the words is the city and what is before it the district; an unlisted last word is left unread.
     */
    private static void knownCityLast(List<String> words, Map<String, String> values) {
        for (int n = Math.min(4, words.size()); n >= 1; n--) {
            String city = String.join(" ", words.subList(words.size() - n, words.size()));
            if (PlaceNames.known(city)) {
                List<String> district = new ArrayList<>(words.subList(0, words.size() - n));
                if (!district.isEmpty() && CONNECTIVES.contains(Normaliser.fold(district.getLast()))) {
                    return; // "alto da boa vista": a district named after a city
                }
                while (!district.isEmpty() && TAIL_OPENERS.contains(Normaliser.fold(district.getLast()))) {
                    district.removeLast(); // "jaguaribe em"
                }
                if (!district.isEmpty() && district.size() <= 4) { // one place alone may be either
                    values.put("city", city);
                    values.put("district", String.join(" ", district));
                }
                return;
            }
        }
    }

    private static void placed(List<String> district, String city, String state, Map<String, String> values) {
        values.put("city", city);
        values.put("state", state);
        if (!district.isEmpty() && district.size() <= 4) {
            values.put("district", String.join(" ", district));
        } else {
            values.remove("district"); // "bairro barreiras bahia": no district after all
        }
    }

    /** "bairro centro barreiras bahia": the district said with its city and state after it, split. */
    static void cityAfterDistrict(Map<String, String> values) {
        String district = values.get("district");
        if (district != null && !values.containsKey("city") && !values.containsKey("state")) {
            List<String> words = List.of(district.strip().split("[\\s,;]+")); // "pituba, salvador BA"
            if (words.size() >= 3) {
                placesAtTheEnd(words, values);
            }
        }
    }

    /** "São Paulo SP": a place and its state, without a separator. */
    private static boolean endsInState(String segment) {
        Matcher unit = TRAILING_UNIT.matcher(segment);
        return unit.find() && unit.start() > 0 && RegistrationFields.STATE.validate(unit.group(1)) instanceof Validation.Valid
                && PLACE_NAME.matcher(segment.substring(0, unit.start()).strip()).matches();
    }

    /**
     * "Salvador, Bahia", "Curitiba - PR", "fortaleza ce": the federative unit said after the city, when no state was
     * given apart. The longest name first ("Rio Grande do Sul"); a city that ends in one ("Rio de Janeiro", "Santa
     * Isabel do Pará") keeps it, as nothing or only a connective would be left.
     */
    static void stateAfterCity(Map<String, String> values) {
        String city = values.get("city");
        if (city == null || values.containsKey("state") || PlaceNames.known(city)) {
            return; // "ji parana" is Ji-Paraná, not Ji in Paraná
        }
        List<String> words = new ArrayList<>(List.of(CITY_STATE_SEPARATOR.split(city.strip())));
        if (words.size() > 2 && STATE_WORDS.contains(Normaliser.fold(words.getLast()))) {
            words.removeLast(); // "Curitiba, Paraná state"
        }
        for (int n = Math.min(4, words.size() - 1); n >= 1; n--) {
            String state = String.join(" ", words.subList(words.size() - n, words.size()));
            List<String> rest = words.subList(0, words.size() - n);
            if (RegistrationFields.STATE.validate(state) instanceof Validation.Valid
                    && !CONNECTIVES.contains(Normaliser.fold(rest.getLast()))) {
                values.put("city", city.substring(0, city.lastIndexOf(words.get(words.size() - n)))
                        .replaceAll("[\\s,/-]+$", ""));
                values.put("state", state);
                return;
            }
        }
    }
}
