package dev.wareg.chat.interpretation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a message says without what is said around it: the greeting before it, the thanks after it, the emojis at its
 * edges ({@link #withoutCourtesy}), and for an answer also the fillers and the field named before the value
 * ({@link #answer}: "é Maria da Silva aí" -> "Maria da Silva"). Every value stays as it was typed.
 */
final class Courtesy {

    /** Words said around an answer that are not part of it: "é Maria", "Maria aí", "it's Ana". */
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:(?:ok(?:ay)?\\s+)?(?:thanks|thank\\s+you|obrigad[oa]|valeu|vlw)[.!]*|é|e|eh|sou|seria|vdd|na\\s+vdd|esqueci|it's|its|it\\s+is|i'm|então|entao|ahn|hmm|uh|so|bom(?=\\s*,)|tipo|well|olha|oxe|dona|uai|s[oô]|bah|nossa|pode\\s+(?:colocar|botar|p[oô]r)(?:\\s+a[ií])?|coloca(?:\\s+a[ií])?|bota(?:\\s+a[ií])?|agora|(?:eu\\s+)?moro\\s+(?:no|na|em))[\\s,]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:[\\s,]+(?:aí|ai|ok|né|ne|tá|ta|viu|visse|uai|agora|blz|please|thanks|yeah|yes|sim|isso|msm|mesmo|you\\s+know"
            + "|k{3,}|(?:rs){1,}|(?:ha){2,}|lol|minha\\s+fia|minha\\s+filha|meu\\s+filho|mano|merm[aã]o|mo[cç][oa]|cara|bro|mate|v[eé]i|tch[eê]|s[oô]|bah))+\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Greetings and openers before what a message says: "Olá, boa tarde.", "Hi there,", "Com licença,". */
    private static final Pattern GREETING_HEAD = Pattern.compile(
            "^(?:(?:oi|ol[aá]|opa|bom\\s+dia|boa\\s+tarde|boa\\s+noite|hello|hi(?:\\s+there)?|hey|good\\s+(?:morning|afternoon|evening)"
                    + "|prezad[oa]s?|(?:tudo|td)\\s+(?:bem|bom|certo|joia|jóia|tranquilo)|hope\\s+you\\s+are\\s+doing\\s+well|excuse\\s+me|com\\s+licen[cç]a)[\\s,.!?]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Thanks, blessings, the person addressed and fillers after what a message says: "Desde já agradeço.", "obrigada
     * meu filho. Deus abençoe", "Many thanks.", "né", "you know".
     */
    private static final Pattern COURTESY_TAIL = Pattern.compile(
            "(?:[\\s,.!]+(?:desde\\s+j[aá]\\s+agrade[cç]o|fico\\s+no\\s+aguardo|(?:muito\\s+)?obrigad[oa](?:\\s+pela\\s+(?:aten[cç][aã]o|ajuda|paci[eê]ncia))?|valeu|vlw|obg"
                    + "|thanks(?:\\s+in\\s+advance)?|thank\\s+you(?:\\s+for\\s+your\\s+help|\\s+in\\s+advance)?|many\\s+thanks|thx"
                    + "|agrade[cç]o(?:\\s+a\\s+aten[cç][aã]o)?|(?:e\\s+)?(?:que\\s+)?deus\\s+(?:te\\s+|lhe\\s+|os\\s+|as\\s+)?aben[cç]o[ea](?:\\s+(?:voc[eê]s?|vcs?|todos|a\\s+todos))?|fica\\s+com\\s+deus|gra[cç]as\\s+a\\s+deus|god\\s+bless(?:\\s+you)?|(?:meu|minha)\\s+(?:filh[oa]|fia|querid[oa]|amig[oa]|anjo|flor)|querid[oa]|mo[cç][oa]|you\\s+know|n[eé]|ok|okay|a[ií]|t[aá]|viu|blz|please|por\\s+favor|pfv|por\\s+gentileza)"
                    + "[\\s.!]*)+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.!]+$");

    private static final Pattern FIELD_LEAD_IN_HINT = Pattern.compile("(?iu)(?:o|a|the|meu|minha|my|nome|name|rua|street|n[uú]m|number|house|complement|bairro|district|neighbo|cidade|city|estado|state|uf)");

    /** The field named before its value: "minha rua é Rua Augusta", "the city is Curitiba", "o meu é 42". */
    private static final Pattern FIELD_LEAD_IN = Pattern.compile(
            "^(?:(?:o|a|the)\\s+)?(?:(?:meu|minha|my)\\s+)?(?:(?:nome(?:\\s+completo)?|full\\s+name|name|rua|street|n[uú]mero(?:\\s+da\\s+casa)?"
                    + "|house\\s+number|number|complemento|complement|bairro|district|neighbou?rhood|cidade|city|estado|state|uf)[\\s,]*)?"
                    + "(?:é|e|eh|is|:|=)\\s+(?=\\S)|^(?:estado|state)\\s+(?:de|do|da|of)\\s+(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Courtesy() {
    }

    /** A free-text answer without the words said around it: "é Maria da Silva aí" -> "Maria da Silva". */
    static String answer(String text) {
        String bare = withoutCourtesy(text);
        String trimmed = TRAILING_FILLER.matcher(LEADING_FILLER.matcher(bare).replaceFirst("")).replaceFirst("");
        if (trimmed.length() > 3 && FIELD_LEAD_IN_HINT.matcher(trimmed).lookingAt()) {
            trimmed = FIELD_LEAD_IN.matcher(trimmed).replaceFirst("");
        }
        return TRAILING_PUNCTUATION.matcher(trimmed).replaceFirst("").strip();
    }

    /**
     * What a message says without the greeting before it, the thanks after it and the emojis around it: "Olá, boa
     * tarde. Sou de Recife. Obrigada!" -> "Sou de Recife". Every value in it is still where it was in the text.
     */
    static String withoutCourtesy(String text) {
        String bare = edgesTrimmed(text);
        if (bare.isBlank()) {
            return text.strip(); // "???", "👍": nothing but symbols, which is what was said
        }
        String headless = GREETING_HEAD.matcher(bare).replaceFirst("");
        if (headless.isBlank()) {
            return bare;
        }
        if (!Vocabulary.COURTESY_ENDINGS.contains(Normaliser.fold(lastWord(headless)))) {
            return headless; // the tail pattern cannot match: spare it
        }
        String core = edgesTrimmed(COURTESY_TAIL.matcher(headless).replaceFirst(""));
        return core.isBlank() ? headless : core;
    }

    /** The last word (letters only), lower-cased: "Obrigada!" -> "obrigada". */
    private static String lastWord(String text) {
        int end = text.length();
        while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Without emojis, symbols and spaces at either end; a full stop, ")" or "?" may end it. */
    static String edgesTrimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !edgeKeeps(text.charAt(start), true)) {
            start++;
        }
        while (end > start && !edgeKeeps(text.charAt(end - 1), false)) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean edgeKeeps(char c, boolean head) {
        return Character.isLetterOrDigit(c) || (head ? c == '(' || c == '+' : c == '.' || c == ')' || c == '?');
    }
}
