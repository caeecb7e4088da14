package dev.wareg.chat.interpretation;

import dev.wareg.fields.EditDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a message, and the same words with each misspelt keyword replaced by the keyword ("atualisar"
 * becomes "atualizar"): a word that is a keyword as written stays; one with letters drawn out ("siiiim", "naoo")
 * becomes the keyword without them; one of five letters or more within one edit of a keyword of similar length
 * becomes it.
 *
 * @param text the canonical words joined by single spaces, what phrase patterns are matched against
 */
record Words(List<String> raw, List<String> canonical, String text) {

    private static final Set<String> KEYWORDS = Vocabulary.KEYWORDS;
    private static final Set<String> SLIP_TARGETS = Vocabulary.SLIP_TARGETS;
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1+");
    private static final Map<Integer, List<String>> BY_FIRST_LETTER = SLIP_TARGETS.stream()
            .filter(keyword -> keyword.length() >= 5)
            .collect(Collectors.groupingBy(keyword -> key(keyword.length(), keyword.charAt(0)),
                    Collectors.toUnmodifiableList()));
    private static final Map<Integer, List<String>> BY_SECOND_LETTER = SLIP_TARGETS.stream()
            .filter(keyword -> keyword.length() >= 5)
            .collect(Collectors.groupingBy(keyword -> key(keyword.length(), keyword.charAt(1)),
                    Collectors.toUnmodifiableList()));

    static Words of(List<String> raw) {
        List<String> canonical = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String word = canonical(raw.get(i));
            canonical.add(KEYWORDS.contains(word) && inPlaceName(raw, i) ? raw.get(i - 1) + raw.get(i) : word);
        }
        return new Words(raw, List.copyOf(canonical), String.join(" ", canonical));
    }

    /** "joao pessoa", "campo grande": a keyword ending a city's name is part of the name, not a request. */
    private static boolean inPlaceName(List<String> raw, int i) {
        return i > 0 && (PlaceNames.opensAName(raw.get(i - 1)) && PlaceNames.knownWords(raw.get(i - 1) + " " + raw.get(i))
                || i > 1 && PlaceNames.opensAName(raw.get(i - 2))
                && PlaceNames.knownWords(raw.get(i - 2) + " " + raw.get(i - 1) + " " + raw.get(i)));
    }

    int size() {
        return raw.size();
    }

    /** Whether a word, as written or with its slip put right, is one of the keywords. */
    boolean contains(Set<String> keywords) {
        return indexOf(keywords, true) >= 0;
    }

    /** Whether any word, as written or with its slip put right, is one of these: a cheap check before a pattern. */
    boolean anyOf(Set<String> cues) {
        for (String word : canonical) {
            if (cues.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The position of the first word that is one of the keywords (with its slip put right if tolerated), or -1. */
    int indexOf(Set<String> keywords, boolean tolerateTypos) {
        List<String> candidates = tolerateTypos ? canonical : raw;
        for (int i = 0; i < candidates.size(); i++) {
            if (keywords.contains(candidates.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int key(int length, char letter) {
        return length << 16 | letter;
    }

    private static boolean doubled(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                return true;
            }
        }
        return false;
    }

    private static String canonical(String word) {
        if (KEYWORDS.contains(word)) {
            return word;
        }
        // "siiim", "naoo", "obrigadooo": letters drawn out for emphasis.
        if (doubled(word)) {
            String collapsed = ELONGATION.matcher(word).replaceAll("$1");
            if (KEYWORDS.contains(collapsed)) {
                return collapsed;
            }
        }
        if (word.length() <= 6 && word.charAt(0) == 's' && word.indexOf('i') > 0
                && word.chars().allMatch(c -> c == 's' || c == 'i' || c == 'm')) {
            return "sim"; // "siim", "simm", "siimi": a yes typed in a hurry
        }
        if (word.length() < 5) {
            return word;
        }
        // One slip leaves the first letter, or the second, where it was, or moves one onto the other: only the
        // keywords that start with either letter, or have either as their second, can be one slip away.
        char first = word.charAt(0);
        char second = word.charAt(1);
        for (int length = word.length() - 1; length <= word.length() + 1; length++) {
            String best = null;
            best = nearest(word, BY_FIRST_LETTER.get(key(length, first)), best);
            best = nearest(word, BY_FIRST_LETTER.get(key(length, second)), best);
            best = nearest(word, BY_SECOND_LETTER.get(key(length, second)), best);
            best = nearest(word, BY_SECOND_LETTER.get(key(length, first)), best);
            if (best != null) {
                return best; // the first in alphabetical order of the shortest, as a scan of them all would give
            }
        }
        return word;
    }

    private static String nearest(String word, List<String> keywords, String best) {
        if (keywords == null) {
            return best;
        }
        for (String keyword : keywords) {
            if ((best == null || keyword.compareTo(best) < 0) && EditDistance.within(word, keyword, 1)) {
                best = keyword;
            }
        }
        return best;
    }
}
