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
 * An e-mail address, written ("ana@x.com") or dictated with the words of the lexicon for its symbols ("ana ponto
 * carol arroba hotmail ponto com", "kevin dot brown at outlook dot com", "j underscore smith 77 at yahoo dot com").
 * A dictated one is read back from the word for "@": before it, the words joined by symbols (and a number stuck to
 * the word before it); after it, the domain's labels joined by dots. It counts only when the field's validator
 * takes it.
 */
final class EmailSpotter {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"]+@[^\\s@<>(),;:\"]+\\.[^\\s@<>(),;:\"]+");
    private static final Map<String, String> SPOKEN = Lexicon.STANDARD.map("spoken-email");
    private static final Set<String> AT = Set.copyOf(SPOKEN.entrySet().stream().filter(entry -> entry.getValue().equals("@"))
            .map(Map.Entry::getKey).toList());
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}._+-]+");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,;:]+");
    private static final Pattern MISHEARD_AT = Pattern.compile("\\s+a\\s+roba\\s+");
    private static final Pattern MISHEARD_COM = Pattern.compile("\\bponto\\s+come\\b");
    /** "luzia cavalcante arroba gmail ponto com tudo junto": the words before the "@" are one. */
    private static final Pattern TOGETHER = Pattern.compile("\\b(?:tudo\\s+junto|junto|juntinho|all\\s+together|together"
            + "|sem\\s+espa[cç]o|no\\s+spaces?|one\\s+word)\\b");
    private static final Set<String> CONNECTIVES = Lexicon.STANDARD.words("name-connectives");
    /** "h-a-n-n-a-h": a word spelled letter by letter with hyphens. */
    private static final Pattern HYPHENED_LETTERS = Pattern.compile("\\b\\p{L}(?:-\\p{L}){2,}\\b");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private EmailSpotter() {
    }

    /** A written address; returns the text without it. */
    static String written(String text, Map<String, String> values) {
        Matcher email = EMAIL.matcher(text);
        if (text.indexOf('@') < 0 || !email.find()) {
            return text;
        }
        String found = email.group();
        while (email.find()) {
            found = email.group(); // "trocar ze@bol.com.br pelo novo zeca@gmail.com": the new one comes last
        }
        values.put("email", found.replaceAll("[.!?]+$", ""));
        return text.replace(found, " ");
    }

    /** A dictated address in the folded text, when the words for "@" and "." are both in it. */
    static void dictated(String folded, Map<String, String> values) {
        List<String> words = new ArrayList<>();
        // as dictation writes them: "a roba" for "arroba", "ponto come" for "ponto com"
        String heard = MISHEARD_AT.matcher(MISHEARD_COM.matcher(folded).replaceAll("ponto com")).replaceAll(" arroba ");
        heard = HYPHENED_LETTERS.matcher(heard).replaceAll(spelled -> spelled.group().replace("-", ""));
        for (String token : SEPARATOR.split(heard)) {
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        words = lettersJoined(words);
        boolean together = TOGETHER.matcher(heard).find();
        for (int at = 1; at + 3 < words.size(); at++) {
            if (!AT.contains(words.get(at))) {
                continue;
            }
            String local = localPart(words, at, together);
            String domain = domain(words, at);
            if (local == null || domain == null) {
                continue;
            }
            String address = local + "@" + domain;
            if (RegistrationFields.EMAIL.validate(address) instanceof Validation.Valid) {
                values.put("email", address);
                return;
            }
        }
    }

    /** "e m i l y dot c h e n": a name spelled letter by letter, three letters at least, is one word. */
    private static List<String> lettersJoined(List<String> words) {
        List<String> joined = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int end = i;
            while (end < words.size() && words.get(end).length() == 1 && Character.isLetter(words.get(end).charAt(0))) {
                end++;
            }
            if (end - i >= 3) {
                joined.add(String.join("", words.subList(i, end)));
                i = end;
            } else {
                joined.add(words.get(i++));
            }
        }
        return joined;
    }

    private static String localPart(List<String> words, int at, boolean together) {
        List<String> parts = new ArrayList<>();
        int i = at - 1;
        if (symbol(words.get(i)) != null) {
            return null;
        }
        parts.addFirst(words.get(i));
        // "smith 77": a number stuck to the word before it
        if (i > 0 && words.get(i).chars().allMatch(Character::isDigit) && symbol(words.get(i - 1)) == null
                && TOKEN.matcher(words.get(i - 1)).matches()) {
            parts.addFirst(words.get(--i));
        }
        while (i >= 2 && symbol(words.get(i - 1)) != null && symbol(words.get(i - 2)) == null) {
            parts.addFirst(symbol(words.get(i - 1)));
            parts.addFirst(words.get(i - 2));
            i -= 2;
        }
        // "luzia cavalcante arroba …, tudo junto": the name's words before it, up to a word of the sentence
        while (together && i > 0 && symbol(words.get(i - 1)) == null && TOKEN.matcher(words.get(i - 1)).matches()
                && !Vocabulary.KEYWORDS.contains(words.get(i - 1)) && !CONNECTIVES.contains(words.get(i - 1))
                && !AT.contains(words.get(i - 1))) {
            parts.addFirst(words.get(--i));
        }
        return String.join("", parts);
    }

    private static String domain(List<String> words, int at) {
        StringBuilder domain = new StringBuilder(words.get(at + 1));
        int labels = 1;
        // "bruno dash dev dot io": a hyphen inside a label, a dot between labels
        for (int i = at + 2; i + 1 < words.size(); i += 2) {
            String joiner = symbol(words.get(i));
            if (!".".equals(joiner) && !"-".equals(joiner)) {
                break;
            }
            domain.append(joiner).append(words.get(i + 1));
            labels += joiner.equals(".") ? 1 : 0;
        }
        return labels >= 2 ? domain.toString() : null;
    }

    private static String symbol(String word) {
        String symbol = SPOKEN.get(word);
        return symbol == null || symbol.equals("@") ? null : symbol;
    }
}
