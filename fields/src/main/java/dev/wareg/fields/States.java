package dev.wareg.fields;

import static java.util.Map.entry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brazilian federative units (UF): the 26 states and the Federal District, by two-letter code ("SP") or by name
 * ("São Paulo"), ignoring case, accents and extra spaces, so " sp ", "sao paulo" and "SÃO  PAULO" are the same.
 * The normalised form is the upper-case code, as IBGE and the Correios write it.
 */
final class States implements FieldValidator {

    private static final Map<String, String> NAMES_BY_CODE = Map.ofEntries(
            entry("AC", "Acre"), entry("AL", "Alagoas"), entry("AP", "Amapá"), entry("AM", "Amazonas"),
            entry("BA", "Bahia"), entry("CE", "Ceará"), entry("DF", "Distrito Federal"), entry("ES", "Espírito Santo"),
            entry("GO", "Goiás"), entry("MA", "Maranhão"), entry("MT", "Mato Grosso"), entry("MS", "Mato Grosso do Sul"),
            entry("MG", "Minas Gerais"), entry("PA", "Pará"), entry("PB", "Paraíba"), entry("PR", "Paraná"),
            entry("PE", "Pernambuco"), entry("PI", "Piauí"), entry("RJ", "Rio de Janeiro"),
            entry("RN", "Rio Grande do Norte"), entry("RS", "Rio Grande do Sul"), entry("RO", "Rondônia"),
            entry("RR", "Roraima"), entry("SC", "Santa Catarina"), entry("SP", "São Paulo"), entry("SE", "Sergipe"),
            entry("TO", "Tocantins"));

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> CODES_BY_KEY = codesByKey();

    @Override
    public Validation validate(String raw) {
        String key = key(raw);
        if (key.isEmpty()) {
            return Validation.invalid("empty");
        }
        String code = CODES_BY_KEY.get(key);
        return code == null ? Validation.invalid("unknown") : Validation.valid(code);
    }

    private static Map<String, String> codesByKey() {
        var codes = new HashMap<String, String>();
        NAMES_BY_CODE.forEach((code, name) -> {
            codes.put(key(code), code);
            codes.put(key(name), code);
        });
        codes.put("minas", "MG"); // as Minas Gerais is called
        return Map.copyOf(codes);
    }

    /** "  São   PAULO " -> "sao paulo": accents dropped after decomposing, so "ã" and "a\u0303" both become "a". */
    private static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String spaced = WHITE_SPACE.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ");
        return spaced.strip().toLowerCase(Locale.ROOT);
    }
}
