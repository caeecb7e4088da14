package dev.wareg.chat.interpretation;

import dev.wareg.fields.EditDistance;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Keyword rules for Portuguese and English. Text is lower-cased and accent-folded, emojis become words, and common
 * chat abbreviations are expanded ("vc", "q"); keywords of five letters or more match with one typing slip
 * ("atualisar", "emial"); yes and no count only as whole words ("Simone" is not "sim"); a negation before an update
 * verb ("não quero mudar") is a no, not an update. Values are spotted anywhere in the text (e-mails, CEPs, CPFs,
 * dates), so one message can answer several questions.
 */
@Component
public class RulesInterpreter implements Interpreter {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private static final Set<String> AFFIRM = Set.of("sim", "s", "yes", "y", "yep", "yeah", "claro", "confirmo",
            "confirma", "confirmar", "isso", "ok", "okay", "certo", "correto", "pode", "sure", "confirm", "exato");
    /** "no" is also Portuguese for "in the", so it counts as a no only when it opens the message. */
    private static final Set<String> DENY = Set.of("nao", "n", "nope", "negativo", "not", "don", "nunca");
    private static final Set<String> CANCEL = Set.of("cancelar", "cancela", "cancel", "sair", "parar", "stop",
            "desistir", "desisto", "esquece", "quit", "abort");
    private static final Set<String> HELP = Set.of("ajuda", "help", "socorro", "ajudar", "duvida");
    private static final Set<String> GREET = Set.of("oi", "ola", "opa", "hi", "hello", "hey", "bom", "boa", "dia",
            "tarde", "noite", "eai", "salve");
    private static final Set<String> THANKS = Set.of("obrigado", "obrigada", "valeu", "thanks", "thank", "thx",
            "brigado", "vlw");
    private static final Set<String> UPDATE = Set.of("atualizar", "atualiza", "mudar", "muda", "alterar", "altera",
            "trocar", "troca", "corrigir", "corrige", "editar", "update", "change", "edit", "modify", "fix", "correct");
    private static final Set<String> REGISTER = Set.of("cadastrar", "cadastre", "registrar", "register", "signup",
            "inscrever", "criar");
    private static final Set<String> DELETE = Set.of("apagar", "apaga", "excluir", "exclua", "deletar", "deleta",
            "remover", "remova", "delete", "erase", "remove", "eliminar");
    private static final Set<String> ACCOUNT = Set.of("conta", "account", "cadastro", "registro", "informacoes", "dados");
    private static final Set<String> GOODBYE = Set.of("tchau", "adeus", "bye", "goodbye", "falou", "flw", "xau",
            "fui", "later");
    private static final Set<String> SHOW = Set.of("ver", "mostrar", "mostra", "consultar", "show", "see", "view");
    private static final Set<String> DATA = Set.of("dados", "cadastro", "data", "details", "informacoes", "registration");
    private static final Set<String> HUMAN = Set.of("atendente", "humano", "pessoa", "human", "agent", "operator",
            "representative", "atendimento");
    private static final Set<String> BACK = Set.of("voltar", "volta", "back", "anterior", "previous");
    private static final Set<String> KEEP = Set.of("manter", "mantem", "mantenha", "pular", "pula", "keep", "skip",
            "mesmo", "same", "nenhum", "nenhuma", "none");
    private static final Set<String> CORRECT = Set.of("verdade", "errei", "errado", "errada", "corrigir", "corrige",
            "actually", "wrong", "mistake", "oops", "ops");
    /** The whole registration, as opposed to one field: "atualizar meu cadastro", "update everything". */
    private static final Set<String> EVERYTHING = Set.of("cadastro", "dados", "tudo", "everything", "all", "details",
            "registration", "profile");
    /** Words naming a topic ("address") or, for parts of the address, the one field ("number"). */
    private static final Map<String, Set<String>> TARGET_WORDS = Map.of(
            "name", Set.of("nome", "name"),
            "email", Set.of("email", "mail", "correio"),
            "address", Set.of("endereco", "address", "cep", "zip", "moro", "mudei"),
            "number", Set.of("numero", "number"),
            "complement", Set.of("complemento", "apartamento", "apto", "complement", "apartment"),
            "street", Set.of("rua", "avenida", "logradouro", "street"),
            "district", Set.of("bairro", "district", "neighborhood"),
            "city", Set.of("cidade", "city", "municipio"),
            "cpf", Set.of("cpf"),
            "birthDate", Set.of("nascimento", "aniversario", "nasci", "birthday", "birth", "born"));
    /** Emojis as keywords that say nothing about the language ("sim" would make a thumbs-up Portuguese). */
    /** Every keyword; a word within one slip of one of five letters or more is read as that keyword. */
    private static final Set<String> KEYWORDS = Stream.concat(
            Stream.of(AFFIRM, DENY, CANCEL, HELP, GREET, THANKS, UPDATE, REGISTER, DELETE, ACCOUNT, GOODBYE, SHOW, DATA,
                    HUMAN, BACK, KEEP, CORRECT, EVERYTHING).flatMap(Set::stream),
            TARGET_WORDS.values().stream().flatMap(Set::stream)).collect(Collectors.toUnmodifiableSet());
    private static final Map<Integer, List<String>> KEYWORDS_BY_LENGTH = KEYWORDS.stream()
            .filter(keyword -> keyword.length() >= 5).sorted()
            .collect(Collectors.groupingBy(String::length, Collectors.toUnmodifiableList()));
    private static final Map<String, String> EMOJIS = Map.of("👍", " ok ", "👌", " ok ", "✅", " ok ", "👎", " negativo ",
            "❌", " negativo ", "🙏", " thx ", "👋", " opa ", "🆘", " socorro ");
    private static final Map<String, String> ABBREVIATIONS = Map.of("vc", "voce", "q", "que", "tb", "tambem",
            "pq", "porque", "blz", "ok", "pfv", "favor", "pfvr", "favor", "obg", "obrigado", "msm", "mesmo");

    private static final Set<String> ENGLISH = Set.of("hi", "hello", "hey", "yes", "no", "yeah", "nope", "my", "i",
            "want", "update", "change", "name", "please", "thanks", "thank", "you", "the", "is", "to", "help", "sure",
            "cancel", "edit", "would", "like", "register", "new", "it", "correct");
    private static final Set<String> PORTUGUESE_WORDS = Set.of("oi", "ola", "sim", "nao", "quero", "meu", "minha",
            "nome", "atualizar", "mudar", "alterar", "trocar", "o", "a", "de", "do", "da", "e", "por", "favor",
            "obrigado", "obrigada", "cadastro", "cadastrar", "ajuda", "cancelar", "bom", "boa", "dia", "novo", "valeu");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"]+@[^\\s@<>(),;:\"]+\\.[^\\s@<>(),;:\"]+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d@])((?:\\+?55\\s*)?\\(?\\d{2}\\)?\\s*9?\\s*\\d{4}[\\s.-]?\\d{4})(?![\\d@])");
    private static final Pattern CPF = Pattern.compile("(?<![\\d.-])(\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2})(?![\\d.-])");
    private static final Pattern CEP = Pattern.compile("(?<![\\d.-])(\\d{2}\\.?\\d{3}-\\d{3}|\\d{8})(?![\\d.-])");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}-\\d{2}-\\d{2})(?!\\d)");
    private static final Pattern NAME_LEAD_IN = Pattern.compile(
            "^\\s*(?:(?:o\\s+)?meu\\s+nome\\s+(?:completo\\s+)?(?:e|é|eh)|me\\s+chamo|my\\s+(?:full\\s+)?name\\s+is|i\\s+am|i'm)\\s*[:,]?\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where a name given with a lead-in ends: at the next "e meu ...", ", my ..." clause. */
    private static final Pattern NEXT_CLAUSE = Pattern.compile(
            "\\s*(?:,|;|\\be\\b|\\band\\b)\\s*(?:o\\s+|a\\s+)?(?:meu|minha|my|moro|i\\s+live)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:op(?:c|ç)(?:a|ã)o|option|n[ºo°]?|#)?\\s*(\\d{1,2})\\s*[.)]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public Interpretation interpret(String text, String askedField) {
        Words words = Words.of(words(fold(text)));
        Map<String, String> values = spotValues(text);
        Set<String> targets = new HashSet<>();
        for (var entry : TARGET_WORDS.entrySet()) {
            if (contains(words, entry.getValue())) {
                targets.add(entry.getKey());
            }
        }
        boolean everything = targets.isEmpty() && contains(words, EVERYTHING);
        Optional<Integer> choice = choice(text);
        Reading reading = intent(words, !targets.isEmpty());
        if (reading == null) {
            reading = unplaced(text, askedField, values, choice);
        }
        return new Interpretation(reading.intent(), reading.confidence(), targets, values, choice, language(words.raw()),
                everything);
    }

    /** An intent and how sure the rules are of it: lower when only a misspelt keyword matched. */
    private record Reading(Intent intent, double confidence) {

        static Reading of(Intent intent, Words words, Set<String> keywords, double confidence) {
            boolean exact = words.raw().stream().anyMatch(keywords::contains);
            return new Reading(intent, exact ? confidence : confidence - 0.15);
        }
    }

    /** The intent keywords name, or null when none does. */
    private static Reading intent(Words words, boolean namesAField) {
        int negation = words.size() > 0 && words.raw().getFirst().equals("no") ? 0 : indexOfAny(words, DENY, false);
        int update = indexOfAny(words, UPDATE, true);
        if (contains(words, CANCEL)) {
            return Reading.of(Intent.CANCEL, words, CANCEL, 0.95);
        }
        if (contains(words, HUMAN) && words.size() <= 8) {
            return Reading.of(Intent.HUMAN, words, HUMAN, 0.9);
        }
        // "apagar meu cadastro" is an erasure; "remover o complemento do cadastro" is an update of one field.
        int delete = indexOfAny(words, DELETE, true);
        if (!namesAField && delete >= 0 && contains(words, ACCOUNT) && negation < 0) {
            return Reading.of(Intent.DELETE_MY_DATA, words, DELETE, 0.9);
        }
        if (namesAField && delete >= 0 && update < 0) {
            update = delete;
        }
        if (indexOfAny(words, SHOW, false) >= 0 && contains(words, DATA) && negation < 0) {
            return new Reading(Intent.SHOW_MY_DATA, 0.9);
        }
        if (indexOfAny(words, CORRECT, false) >= 0 && (update < 0 || words.canonical().get(update).startsWith("corrig"))) {
            return new Reading(Intent.CORRECT, 0.85);
        }
        if (words.size() <= 3 && contains(words, BACK)) {
            return Reading.of(Intent.BACK, words, BACK, 0.9);
        }
        if (words.size() <= 4 && indexOfAny(words, KEEP, false) >= 0) {
            return new Reading(Intent.KEEP, 0.85);
        }
        if (update >= 0 && (negation < 0 || negation > update)) {
            return Reading.of(Intent.UPDATE, words, UPDATE, 0.9);
        }
        if (negation >= 0 && words.size() <= 6) {
            return new Reading(Intent.DENY, words.size() <= 2 ? 0.95 : 0.8);
        }
        if (contains(words, HELP)) {
            return Reading.of(Intent.HELP, words, HELP, 0.9);
        }
        if (words.raw().stream().anyMatch(AFFIRM::contains) && words.size() <= 4) {
            return new Reading(Intent.AFFIRM, words.size() <= 2 ? 0.95 : 0.8);
        }
        if (indexOfAny(words, REGISTER, true) >= 0) {
            return Reading.of(Intent.REGISTER, words, REGISTER, 0.9);
        }
        if (contains(words, GOODBYE) && words.size() <= 5) {
            return Reading.of(Intent.GOODBYE, words, GOODBYE, 0.9);
        }
        if (contains(words, THANKS) && words.size() <= 5) {
            return Reading.of(Intent.THANKS, words, THANKS, 0.9);
        }
        if (words.size() > 0 && words.size() <= 4 && GREET.containsAll(words.raw())) {
            return new Reading(Intent.GREET, 0.95);
        }
        return null;
    }

    /**
     * No keyword: the answer to the field being asked (surer when it is a valid value of that field), a value
     * spotted in the text, a number picked from a menu, or something the bot does not deal with.
     */
    private static Reading unplaced(String text, String askedField, Map<String, String> values,
            Optional<Integer> choice) {
        if (askedField != null) {
            boolean valid = RegistrationFields.byName(askedField)
                    .map(field -> field.validate(text) instanceof Validation.Valid).orElse(false);
            return new Reading(Intent.PROVIDE_VALUE, valid || values.containsKey(askedField) ? 0.95 : 0.6);
        }
        if (!values.isEmpty() || choice.isPresent()) {
            return new Reading(Intent.PROVIDE_VALUE, 0.85);
        }
        return new Reading(Intent.OUT_OF_SCOPE, 0.4);
    }

    private static Map<String, String> spotValues(String text) {
        Map<String, String> values = new HashMap<>();
        Matcher email = EMAIL.matcher(text);
        String rest = text;
        if (email.find()) {
            values.put("email", email.group().replaceAll("[.!?]+$", ""));
            rest = text.replace(email.group(), " ");
        }
        Matcher date = DATE.matcher(rest);
        if (date.find()) {
            values.put("birthDate", date.group(1));
            rest = rest.replace(date.group(1), " ");
        }
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
        Matcher phone = PHONE.matcher(rest);
        if (phone.find() && phone.group(1).replaceAll("\\D", "").length() >= 10) {
            values.put("phone", phone.group(1).strip());
        }
        Matcher name = NAME_LEAD_IN.matcher(text);
        if (name.matches()) {
            String spoken = NEXT_CLAUSE.matcher(name.group(1)).replaceFirst("");
            values.put("name", spoken.strip().replaceAll("[.!]+$", ""));
        }
        return values;
    }

    private static Optional<Integer> choice(String text) {
        Matcher matcher = CHOICE.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Optional<Locale> language(List<String> words) {
        long english = words.stream().filter(ENGLISH::contains).count();
        long portuguese = words.stream().filter(PORTUGUESE_WORDS::contains).count();
        if (english > portuguese) {
            return Optional.of(Locale.ENGLISH);
        }
        if (portuguese > english) {
            return Optional.of(PORTUGUESE);
        }
        return Optional.empty();
    }

    private static boolean contains(Words words, Set<String> keywords) {
        return indexOfAny(words, keywords, true) >= 0;
    }

    /**
     * The position of the first word that is one of the keywords, allowing one slip in words of five letters or
     * more ({@code tolerateTypos}): the slip was already resolved once per word, against every keyword, in
     * {@link Words#canonical()}.
     */
    private static int indexOfAny(Words words, Set<String> keywords, boolean tolerateTypos) {
        List<String> candidates = tolerateTypos ? words.canonical() : words.raw();
        for (int i = 0; i < candidates.size(); i++) {
            if (keywords.contains(candidates.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The words of a message, and the same words with each misspelt keyword replaced by the keyword ("atualisar"
     * becomes "atualizar"): a word that is a keyword as written stays, one of five letters or more within one
     * edit of a keyword of similar length becomes it.
     */
    private record Words(List<String> raw, List<String> canonical) {

        static Words of(List<String> raw) {
            return new Words(raw, raw.stream().map(Words::canonical).toList());
        }

        int size() {
            return raw.size();
        }

        private static String canonical(String word) {
            if (word.length() < 5 || KEYWORDS.contains(word)) {
                return word;
            }
            for (int length = word.length() - 1; length <= word.length() + 1; length++) {
                for (String keyword : KEYWORDS_BY_LENGTH.getOrDefault(length, List.of())) {
                    if (EditDistance.within(word, keyword, 1)) {
                        return keyword;
                    }
                }
            }
            return word;
        }
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("e-mail", "email");
        for (var emoji : EMOJIS.entrySet()) {
            lower = lower.replace(emoji.getKey(), emoji.getValue());
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static List<String> words(String folded) {
        return new ArrayList<>(Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty())
                .map(word -> ABBREVIATIONS.getOrDefault(word, word)).toList());
    }
}
