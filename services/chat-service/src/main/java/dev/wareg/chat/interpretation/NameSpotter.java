package dev.wareg.chat.interpretation;

import static dev.wareg.chat.interpretation.Vocabulary.NOT_A_NAME;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's name, after the words that introduce it: the lead-ins of the lexicon ("meu nome é", "me chamo", "my
 * name is", "name's", "call me") and "I am"/"I'm" unless what follows says it is no name ("I'm from Recife"), found
 * in the text folded without moving anything, and read from the text as written up to the next clause; or, in other
 * words ("sou a Ana Lima", "sou Renata Pires", "this is John Smith"), as far as its capitalised words go. A bare name, when the name is
 * asked, is the answer itself (see {@link AnswerRules}).
 */
final class NameSpotter {

    private static final Lexicon LEXICON = Lexicon.STANDARD;
    private static final Pattern NAME_LEAD_IN = Pattern.compile(
            "(?:^\\s*(?:(?:uh|um|so|well|ok|okay|entao|tipo|hi|hello|hey|oh)[\\s,]+)*(?:i\\s+am|i\\s+m)(?!\\s+"
                    + LEXICON.phrases("not-a-name-after-i-am") + "\\b|\\s+\\p{L}{3,}ing\\b)|(?:^|\\b)"
                    + LEXICON.phrases("name-lead-ins").replace(" ", "\\s*") + ")(?!\\p{L})\\s*[:,]?\\s*(.+)$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Where a name given with a lead-in ends: at the next "e meu ...", ", my ..." clause. */
    private static final Pattern NEXT_CLAUSE = Pattern.compile(
            "(?:\\s*[,;.!]\\s*|\\s+(?:e|and)\\s+|\\s+)(?:(?:o|a)\\s+)?(?:meu|minha|my|moro|eu|mas|but|queria|quero|gostaria|preciso|want|would|need|add|adiciona|acrescenta|inclui|bota|bote|coloca|coloque|p[oõ]e|ponha|muda|mude|troca|troque|atualiza|corrige|altera|also|tamb[eé]m|i\\s+live|thank\\w*|obrigad\\w*|agrade\\w*|por\\s+favor|please"
                    + "|cpf|e-?mail|telefone|celular|fone|phone|cep|zip|born|nascid\\w*|nasci|birth\\w*|endere\\w*|address|whatsapp"
                    + "|desde\\s+j[aá]|fico\\s+no\\s+aguardo|many\\s+thanks|you\\s+know|from)\\b.*$"
                    + "|\\s*[^\\p{L}\\s'.,;!?-].*$"
                    + "|\\s+\\d.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /**
     * A name introduced in other words, read only as far as its capitalised words go: "sou a Ana Lima", "this is John
     * Smith", "nome Iara Gomes Lima cpf ...", "NOME GUSTAVO CARVALHO CPF ...".
     */
    private static final Pattern NAME_INTRO = Pattern.compile(
            "(?iu:(?:^\\s*(?:(?:uh|um|so|well|ok|okay|então|entao|tipo|olha|bom|seguinte|o\\s+seguinte)[\\s,:]+)*(?:nome|name)(?:\\s+completo)?|\\bsou(?:\\s+(?:o|a))?|\\baqui\\s+(?:é|e|eh)\\s+(?:o|a)|^\\s*this\\s+is|\\bcall\\s+me"
                    + "|(?<!mas\\s)(?<!mas,\\s)(?<!\\()\\bpode\\s+me\\s+chamar\\s+de|(?<!mas\\s)\\bme\\s+chama\\s+de|\\bchamo-me"
                    + "|\\b(?:segue(?:m)?|here\\s+(?:are|is)|aqui\\s+(?:est[aã]o|v[aã]o))\\s+(?:(?:os|o)\\s+)?(?:meus|my)\\s+(?:dados|data|details|info)))\\s*:?\\s+"
                    + "((?!(?iu:cpf|e-?mail|telefone|celular|cep|phone)\\b)\\p{Lu}[\\p{L}'.-]*"
                    + "(?:[^\\S\\n]+(?:(?:de|da|do|dos|das|e|DE|DA|DO|DOS|DAS)[^\\S\\n]+)?(?!(?iu:cpf|e-?mail|telefone|celular|cep|phone)\\b)\\p{Lu}[\\p{L}'.-]*)+)",
            // A line of its own may introduce the name: "Boa tarde, segue:\nNome completo: Diego Neto\nCPF: ...".
            Pattern.MULTILINE);
    /**
     * How a name's spelling is told before or after it: "Luiz com z", "Thiago com th", "Ana com dois n", "Sara with
     * no h"; the full name may follow ("Thiago com th, Thiago Martins").
     */
    private static final Pattern SPELLING = Pattern.compile(
            "^(\\p{L}+)\\s+(?:com|with)\\s+(?:(?:dois|duas|two|double|um|uma|one|no|sem|an|a)\\s+)?\\p{L}{1,2}\\b[\\s,;:.!-]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** A note on the spelling after the name: ", com dois n", " with two n's", ", com z", ", com acento no Antônio". */
    private static final Pattern TRAILING_SPELLING = Pattern.compile(
            "[\\s,;-]+(?:com|with)\\s+(?:(?:(?:dois|duas|two|double|um|uma|one|an|a)\\s+)?\\p{L}{1,2}(?:'?s)?[\\s.!]*"
                    + "|(?:o\\s+|an?\\s+)?(?:acento|accent|cedilha|til)\\b[^,;]*)"
                    + "(?:\\s+(?:no|at\\s+the)\\s+(?:final|fim|come[cç]o|in[ií]cio|end|start))?[\\s.!]*$"
                    + "|[\\s,;]+\\p{L}(?:-\\p{L}){2,}[\\s.!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "sou o pedro henrique alves costa," in lower case: two to five words up to the clause's end. */
    private static final Pattern LOWER_CASE_INTRO = Pattern.compile(
            "(?:^|[\\s,])sou\\s+(?:o|a)\\s+(\\p{L}{2,}(?:\\s+\\p{L}+){1,4})\\s*(?=[,.;!]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Thiago e o sobrenome é Rezende", "Ann and my surname is Lee": the first name, then the surname apart. */
    private static final Pattern SURNAME_APART = Pattern.compile(
            "(?:\\s*,\\s*|\\s+)(?:(?:e|and)\\s+)?(?:o\\s+|my\\s+|meu\\s+|the\\s+)?(?:sobrenome|surname|last\\s+name)\\s+(?:(?:é|e|eh|is)\\s+|:\\s*)?(?=\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TITLE = Pattern.compile("^\\s*(?:sr|sra|srta|dona|seu|dr|dra|mr|mrs|ms|miss)\\.?\\s+(?=\\p{L}+\\s+\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "just Sarah is fine", "só Zé tá bom": the name, and the words that say it will do. */
    private static final Pattern WILL_DO = Pattern.compile(
            "^\\s*(?:just|only|s[oó]|apenas|somente)\\s+(\\p{L}[\\p{L}'. -]*?)(?:\\s+(?:is\\s+fine|is\\s+ok(?:ay)?|will\\s+do|works"
                    + "|t[aá]\\s+bom|est[aá]\\s+bom|serve|basta|mesmo))?[\\s.!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> NOT_A_PERSON = LEXICON.words("not-a-person");
    private static final String[] NAME_HINTS = {"i am", "im", "nome", "name", "cham", "call", "nombre", "llamo"};
    /** The first name, then the full name: "é lucas, lucas ferreira". */
    private static final Pattern FIRST_THEN_FULL = Pattern.compile("^(\\p{L}+)\\s*,\\s*(\\1\\s+\\p{L}.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    private NameSpotter() {
    }

    /** A name without the title said before it: "Sr. Benedito Gomes" -> "Benedito Gomes". */
    static String withoutTitle(String name) {
        return TITLE.matcher(name).replaceFirst("");
    }

    /** "just Sarah is fine" -> "Sarah"; a name said plainly, as it is. */
    static String withoutWillDo(String name) {
        Matcher willDo = WILL_DO.matcher(name);
        return willDo.matches() ? willDo.group(1) : name;
    }

    /**
     * The name without a note on its spelling: the full name after the note when one follows ("Thiago com th, Thiago
     * Martins" -> "Thiago Martins"), else the name the note was about with the rest ("Luiz com z e meu email ..." ->
     * "Luiz e meu email ...", which the next clause then ends).
     */
    static String withoutSpelling(String spoken) {
        Matcher repeated = FIRST_THEN_FULL.matcher(spoken.strip());
        if (repeated.matches()) {
            spoken = repeated.group(2);
        }
        Matcher trailing = TRAILING_SPELLING.matcher(spoken);
        if (trailing.find()) {
            spoken = spoken.substring(0, trailing.start()); // "Giovanna Pacheco Lemos, com dois n"
        }
        Matcher spelling = SPELLING.matcher(spoken);
        if (!spelling.matches()) {
            return spoken;
        }
        String rest = spelling.group(2);
        boolean fullNameFollows = !rest.isEmpty() && Character.isLetter(rest.codePointAt(0))
                && (Normaliser.fold(rest).startsWith(Normaliser.fold(spelling.group(1)))
                || Normaliser.fold(rest).endsWith(Normaliser.fold(spelling.group(1)))); // "Rezende com z. José Carlos Rezende"
        return fullNameFollows ? rest : spelling.group(1) + (rest.isEmpty() ? "" : " " + rest);
    }

    static void spot(String text, String lower, Map<String, String> values) {
        if (ValueSpotters.containsAny(lower, NAME_HINTS)) {
            Matcher leadIn = NAME_LEAD_IN.matcher(Normaliser.sameLength(text));
            // Every lead-in in turn: "meu nome e meu email, o nome novo é Fernanda": the first opens no name.
            for (int from = 0; from < text.length() && leadIn.find(from); from = leadIn.start(1)) {
                String said = SURNAME_APART.matcher(text.substring(leadIn.start(1))).replaceFirst(" ");
                String spoken = NEXT_CLAUSE.matcher(withoutSpelling(said)).replaceFirst("")
                        .replaceAll("[,.!?;].*$", "");
                spoken = Courtesy.TRAILING_FILLER.matcher(spoken).replaceFirst("").strip().replaceAll("[.!]+$", "");
                String first = Normaliser.fold(spoken.split("\\s+")[0]);
                if (LETTER.matcher(spoken).find() && !NOT_A_NAME.contains(first)) {
                    values.put("name", spoken);
                    return;
                }
            }
        }
        if (lower.contains("nome") || lower.contains("name") || lower.contains("sou ") || lower.contains("aqui")
                || lower.contains("this is") || lower.contains("call me") || lower.contains("cham")
                || lower.contains("dados") || lower.contains("details") || lower.contains("data")) {
            Matcher intro = NAME_INTRO.matcher(text);
            if (intro.find()) {
                values.put("name", intro.group(1).strip());
                return;
            }
            Matcher lowerCase = LOWER_CASE_INTRO.matcher(text);
            if (lowerCase.find() && Normaliser.tokens(Normaliser.fold(lowerCase.group(1))).stream()
                    .noneMatch(word -> Vocabulary.KEYWORDS.contains(word) || NOT_A_PERSON.contains(word))) {
                values.put("name", lowerCase.group(1).strip()); // "bora, sou o pedro henrique alves costa, email ..."
            }
        }
    }
}
