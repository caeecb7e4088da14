package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an address in what people write: a street with its kind and maybe its number ("Rua XV de Novembro,
 * 42"), the parts written after it as Brazilians write them, a complement ("apto 42"), a district after "bairro",
 * the city where someone lives ("moro em Londrina") or is named in passing ("em Goiânia"), a house number after its
 * word ("nº 200"). Cheap checks (a word of the kind) come before each pattern. Values are as written.
 */
final class AddressSpotter {

    /** Where someone lives, said in passing: "moro em Londrina", "I'm from Curitiba, PR". */
    private static final Pattern LIVES_IN = Pattern.compile(
            "(?:\\bi\\s+live\\s+in|\\bi'?m\\s+from|\\bi'?m\\s+in|\\bsou\\s+de|\\bmoro\\s+em|\\bmoved\\s+to|\\bmudei\\s+(?:pra|para))\\s+(?:(?:em|no|na|in)\\s+)?(?!(?:a|an|the|my|our|uma?|cidade|capital|interior|ro[cç]a|idade|outr[oa]|casa|c[aá]|l[aá])\\b)(\\p{Lu}[\\p{L}' ]+?)(?:\\s*[,-]\\s*(\\p{L}[\\p{L} ]*?))?"
                    + "(?=\\s*(?:[.!?;,]|[^\\p{L}\\p{N}\\s'-]|$)|\\s+(?:né|ne|visse|viu|mesmo|mano|merm[aã]o|mo[cç][oa]|cara|bro|mate|ok|okay|aí|ai|tá|you\\s+know|fico|desde|thanks|thank|many|obrigad\\w*"
                    + "|agrade\\w*|agora|tch[eê]|uai|s[oô]|cep|please|por\\s+favor|preciso|need|quero|queria|gostaria|want|would|pra|para|por|porque|to|for|because|faz|h[aá]|since|com|with|last|this|next|ago|yesterday|today|ontem|hoje|semana|m[eê]s|ano|e\\s+(?:meu|minha|o|a|queria|quero)|and\\s+(?:my|the))\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A move from one place to another: "me mudei de João Pessoa pra Campina Grande", "moved from Fortaleza to Natal". */
    private static final Pattern MOVED_TO = Pattern.compile(
            "\\b(?:mud(?:ei|ou|amos|ando)|moved|moving)\\s+(?:de|from)\\s+\\S.*?\\s(?:pra|para|to)\\s+(?:(?:o|a|the)\\s+)?"
                    + "([\\p{L}'-]+(?:\\s+[\\p{L}'-]+){0,4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A street with its kind ("Rua XV de Novembro", "Av. Paulista"), then maybe its number. */
    private static final Pattern STREET = Pattern.compile(
            "\\b((?:rua|r\\.|avenida|avenue|av\\.?|travessa|trav\\.?|tv\\.|^tv(?=\\s)|alameda|pra[cç]a|estrada|rodovia|largo)(?::\\s*|\\s+)(?!(?:é|e|eh|is|agora)\\s)(?:[\\p{L}]|\\d{1,2}\\s+de\\s+\\p{L})(?:[\\p{L}\\d'. ]|(?<=\\b\\p{L}{1,2})-\\d++)*?)"
                    + "(?=\\s*(?:,|;|\\bn[uú]mero\\b|\\bn[º°]|\\bnunero\\b|\\bnumber\\b|\\bn\\.?\\s*\\d|\\d|-(?!\\d)|(?<!\\b\\p{L}{1,2})-|$|\\.\\s))"
                    + "(?:\\s*,?\\s*(?:n[uú]mero|nunero|number|n[º°o]?\\.?)?\\s*:?\\s*(\\d{1,2}\\.\\d{3}(?!\\d)|\\d{1,5}[a-zA-Z]?|s/n)(?![\\d-]))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** An apartment, block, house or shop: "apto 42", "bloco B, apto 12", "cobertura". */
    private static final Pattern COMPLEMENT = Pattern.compile(
            "\\b((?:(?:apto|apt\\.?|apartamento|ap\\.?|casa|loja|sala|conjunto|cj\\.?)\\s*\\d+[a-zA-Z]?|(?:bloco|bl\\.)\\s*[A-Za-z0-9]+)"
                    + "(?:\\s*,?\\s*(?:(?:apto|apartamento|ap\\.?|casa|sala)\\s*\\d+[a-zA-Z]?|(?:bloco|bl\\.)\\s*[A-Za-z0-9]+))?"
                    + "|cobertura|fundos)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DISTRICT = Pattern.compile(
            "\\b(?:bairro|neighbou?rhood|district)\\s+(?:(?:é|e|eh|is|:|pra|para|to)\\s+)?(?:(?:d[eoa]s?|o|a)\\s+)?(?!(?:errad|cert|corret|nov|antig|atual|mud|cadastrad|est[aá]\\b|t[aá]\\b|foi\\b|que\\b|e\\b|do\\s+cadastro|pfv\\b|pls\\b|please\\b|por\\s+favor|n[aã]o\\b|not\\b))(\\p{Lu}[\\p{L}']*(?:\\s+[\\p{L}']+){0,4}?)(?=\\s*(?:,|\\bem\\b|\\bin\\b|$|\\.|\\bok\\b)"
                    + "|\\s+(?:e|and|que|a[ií]|aqui|ali|mesmo|pra|para|cep|mas|but|perto|near|onde|where|n[uú]mero|number|rua|avenida|cidade|city)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Jardins neighborhood", "the Pinheiros neighbourhood": the name before the English word. */
    private static final Pattern DISTRICT_BEFORE_ITS_WORD = Pattern.compile(
            "(?:^|[,;]\\s*|\\bthe\\s+|\\bin\\s+)(\\p{Lu}[\\p{L}']*(?:\\s+\\p{Lu}[\\p{L}']*){0,3})\\s+neighbou?rhood\\b",
            Pattern.UNICODE_CASE);
    private static final Pattern CITY_AFTER_DISTRICT = Pattern.compile(
            "\\bbairro\\b.*?\\bem\\s+(?!(?:casa|frente|cima|breve|dia|tempo|minha|meu|uma|um)\\b)(\\p{Lu}[\\p{L}' ]+?)\\s*(?:\\b(?:ok|mesmo|aqui|visse|ne|né)\\b|[.!,;]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A house number after its word: "número 14", "nº 200", "number 12B", "s/n". */
    private static final Pattern HOUSE_NUMBER = Pattern.compile(
            "(?:n[uú]mero|n[º°o]\\.?|number|num\\.?)(?:\\s+d[ao]\\s+(?:casa|pr[eé]dio|resid[eê]ncia))?(?:\\s+(?:é|e|eh|is))?\\s*:?\\s*(\\d{1,2}\\.\\d{3}(?!\\d)|\\d{1,5}[a-zA-Z]?|s/n)(?![\\d-])(?!\\s*\\(?\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A city after "em"/"in", capitalised as names are: "o tempo em Goiânia?", "restaurante em Ribeirão Preto". */
    private static final Pattern CITY_IN = Pattern.compile(
            "\\b(?:em|in)\\s+(?!(?:English|Portuguese|Português|Portugues|Inglês|Ingles|Brazil|Brasil)\\b)(\\p{Lu}\\p{Ll}+(?:\\s+(?:(?:de|do|da|dos|das)\\s+)?\\p{Lu}\\p{Ll}+)*)\\s*(?=[?.!,]|$)");
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
    private static final Set<String> COUNTRIES = Lexicon.STANDARD.words("countries");
    private static final Set<String> STATE_WORDS = Set.of("state", "estado");
    private static final Pattern CITY_STATE_SEPARATOR = Pattern.compile("\\s*[,/]\\s*|\\s+-\\s+|\\s+");
    private static final Set<String> CONNECTIVES = Lexicon.STANDARD.words("name-connectives");
    private static final String[] STREET_HINTS = {"rua", "r.", "av", "travessa", "trav", "tv", "alameda", "praca", "estrada",
            "rodovia", "largo"};
    private static final String[] COMPLEMENT_HINTS = {"ap", "casa", "loja", "sala", "conj", "cj", "bl", "cobertura",
            "fundos"};
    private static final String[] LIVES_IN_HINTS = {"live", "from", "sou de", "moro", "moved", "mudei"};
    private static final String[] MOVED_HINTS = {"mudei de", "mudou de", "mudamos de", "mudando de", "moved from",
            "moving from"};

    private AddressSpotter() {
    }

    /** Spots what it can in {@code rest} (the text without values already taken) and returns what is left. */
    static String spot(String text, String rest, String lower, boolean digits, Map<String, String> values) {
        Matcher street = STREET.matcher(rest);
        if (ValueSpotters.containsAny(lower, STREET_HINTS) && street.find()) {
            values.put("street", street.group(1).strip().replaceAll("[.,]+$", "").replaceFirst(":\\s*", " ")); // "rua: ..."
            if (street.group(2) != null) {
                values.put("number", street.group(2));
                addressTail(rest.substring(street.end()), values);
            }
            rest = rest.replace(street.group(), " ");
        }
        if (digits || rest.indexOf('/') >= 0) {
            rest = labelledNumber(rest, values); // before the complement: "o numero da casa 45"
        }
        Matcher complement = COMPLEMENT.matcher(rest);
        if (!values.containsKey("complement") && ValueSpotters.containsAny(lower, COMPLEMENT_HINTS) && complement.find()) {
            values.put("complement", complement.group(1).strip());
        }
        Matcher district = DISTRICT.matcher(rest);
        Matcher named = DISTRICT_BEFORE_ITS_WORD.matcher(rest);
        if (lower.contains("neighbo") && named.find()) {
            values.put("district", named.group(1).strip()); // "Jardins neighborhood"
        } else if (!values.containsKey("district") // read with the street's tail: "bairro montese fortaleza ceara"
                && (lower.contains("bairro") || lower.contains("neighbo") || lower.contains("district")) && district.find()) {
            values.put("district", district.group(1).strip());
            Matcher city = CITY_AFTER_DISTRICT.matcher(rest);
            if (city.find()) {
                values.put("city", city.group(1).strip());
            }
        }
        Matcher livesIn = LIVES_IN.matcher(rest);
        if (ValueSpotters.containsAny(lower, LIVES_IN_HINTS) && livesIn.find()
                && !COUNTRIES.contains(Normaliser.fold(livesIn.group(1).strip()))) { // not "I'm from Argentina"
            String city = livesIn.group(1).strip(); // "Curitiba PR": the state is split off by stateAfterCity
            String state = livesIn.group(2);
            if (state == null && city.length() == 2
                    && RegistrationFields.STATE.validate(city) instanceof Validation.Valid) {
                // "mudei pra sp": a state's code is the state, not a city ("São Paulo" can be either, and stays a city)
                values.put("state", city);
            } else {
                values.put("city", city);
            }
            if (state != null && RegistrationFields.STATE.validate(state) instanceof Validation.Valid) {
                values.put("state", state.strip());
            }
        }
        Matcher moved = MOVED_TO.matcher(rest);
        if (!values.containsKey("city") && ValueSpotters.containsAny(lower, MOVED_HINTS) && moved.find()) {
            knownCityAhead(moved.group(1)).ifPresent(city -> values.put("city", city));
        }
        return rest;
    }

    /** The longest run of the first words that is a listed city: "campina grande, muda aí" -> "campina grande". */
    private static Optional<String> knownCityAhead(String words) {
        String[] parts = words.split("\\s+");
        for (int length = parts.length; length > 0; length--) {
            String candidate = String.join(" ", Arrays.copyOf(parts, length));
            if (PlaceNames.known(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A house number after its word ("número 14", "nº 200"); returns the text without it. */
    static String labelledNumber(String rest, Map<String, String> values) {
        Matcher number = HOUSE_NUMBER.matcher(rest);
        if (!values.containsKey("number") && number.find()) {
            values.put("number", number.group(1));
            return rest.replace(number.group(), " ");
        }
        return rest;
    }

    /** A city named in passing, capitalised as names are: "o tempo em Goiânia?", "restaurante em Ribeirão Preto". */
    static void cityIn(String text, String rest, Map<String, String> values) {
        if (!values.containsKey("city") && (capitalisedAfter(text, "em ") || capitalisedAfter(text, "in "))) {
            Matcher city = CITY_IN.matcher(rest);
            if (city.find() && !COUNTRIES.contains(Normaliser.fold(city.group(1)))) { // not "my company in Germany"
                values.put("city", city.group(1));
            }
        }
    }

    /** Whether {@code word} is followed by a capital letter somewhere in the text: a cheap check before a pattern. */
    private static boolean capitalisedAfter(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int next = at + word.length();
            if (next < text.length() && Character.isUpperCase(text.charAt(next))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parts of an address written after the street and number, as Brazilians write them: "Rua Augusta, 500,
     * apto 12 - Consolação, São Paulo - SP". Capitalised parts are read in order (a complement where one is, then
     * district, city), a state only where a state is; a part in lower case or with other words ends the address.
     */
    /** The parts written after a CEP: "é o 13083-970, Barão Geraldo, Campinas SP". */
    static void afterPostalCode(String text, String postalCode, Map<String, String> values) {
        int at = text.indexOf(postalCode);
        if (at >= 0 && !values.containsKey("street") && !values.containsKey("city")) {
            addressTail(text.substring(at + postalCode.length()), values);
        }
    }

    private static void addressTail(String tail, Map<String, String> values) {
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
            Matcher complement = COMPLEMENT.matcher(segment);
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
        for (String word : COMPLEMENT.matcher(tail).replaceAll(" ").split("[\\s,;/.!?-]+")) {
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
