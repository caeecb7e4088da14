package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an address in what people write: a street with its kind and maybe its number ("Rua XV de Novembro,
 * 42"), the parts written after it ({@link AddressTail}), a complement ("apto 42"), a district after "bairro",
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
    /** The street's kind said twice, as a label and in the name: "rua: Rua Tapajós", "rua rua professor aprígio". */
    private static final Pattern TWICE_THE_KIND = Pattern.compile("^(?:rua|avenida|av\\.?)\\s+(?=(?:rua|avenida|av)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** An apartment, block, house or shop: "apto 42", "bloco B, apto 12", "cobertura". */
    static final Pattern COMPLEMENT = Pattern.compile(
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
    private static final Set<String> COUNTRIES = Lexicon.STANDARD.words("countries");
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
            values.put("street", TWICE_THE_KIND.matcher(street.group(1).strip().replaceAll("[.,]+$", "")
                    .replaceFirst(":\\s*", " ")).replaceFirst("")); // "rua: ...", "Nova rua: Rua Tapajós", "é rua rua ..."
            if (street.group(2) != null) {
                values.put("number", street.group(2));
                AddressTail.read(rest.substring(street.end()), values);
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
}
