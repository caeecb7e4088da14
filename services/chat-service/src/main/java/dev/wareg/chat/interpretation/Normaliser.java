package dev.wareg.chat.interpretation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The first step of the pipeline: text as the rules compare it. {@link #fold} lower-cases, drops accents and
 * apostrophes and turns emojis into words; {@link #words} splits that into words, writes out chat abbreviations
 * ("vc" -> "voce"), sets politeness and fillers of speech at the edges aside. {@link #sameLength} folds without
 * changing where anything is, for spotters that take values from the text as written. Number words become digits
 * in {@link NumberWords}; letters drawn out ("siiiim") and slips are put right per word in {@link Words}.
 */
final class Normaliser {

    private static final Map<String, String> EMOJIS = Lexicon.STANDARD.map("emojis");
    private static final Map<String, String> ABBREVIATIONS = Lexicon.STANDARD.map("abbreviations");
    private static final Pattern APOSTROPHE = Pattern.compile("['’]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Politeness around a request ("desde já agradeço", "thank you for your help"), dropped when there is more. */
    private static final Pattern COURTESY = Lexicon.STANDARD.phrasesAnywhere("courtesy-phrases");

    private Normaliser() {
    }

    /** "Não, o E-mail é 👍" -> "nao, o email e  ok ". */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("e-mail", "email");
        if (lower.indexOf('\'') >= 0 || lower.indexOf('’') >= 0) {
            lower = APOSTROPHE.matcher(lower).replaceAll("");
        }
        if (ascii(lower)) {
            return lower; // no emoji, no accent: nothing more to fold
        }
        for (var emoji : EMOJIS.entrySet()) {
            if (lower.contains(emoji.getKey())) {
                lower = lower.replace(emoji.getKey(), " " + emoji.getValue() + " ");
            }
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Lower case without accents, every character where it was ("Não é" -> "nao e"; an apostrophe becomes a space):
     * what a pattern finds in it is at the same place in the text as written.
     */
    static String sameLength(String text) {
        if (ascii(text)) {
            return text.toLowerCase(Locale.ROOT).replace('\'', ' ');
        }
        char[] folded = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                folded[i] = c == '\'' ? ' ' : Character.toLowerCase(c);
            } else if (c == '’') {
                folded[i] = ' ';
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                folded[i] = Character.toLowerCase(base.charAt(0));
            }
        }
        return new String(folded);
    }

    /** The words of folded text, abbreviations written out, politeness and fillers at the edges set aside. */
    static List<String> words(String folded) {
        if (folded.contains("agrade") || folded.contains("thank") || folded.contains("gentileza")
                || folded.contains("aguardo") || folded.contains("hope")) {
            String polite = COURTESY.matcher(folded).replaceAll(" ");
            if (!polite.isBlank() && !polite.equals(folded)) {
                folded = polite;
            }
        }
        List<String> words = new ArrayList<>();
        String[] split = NON_WORD.split(folded);
        for (int i = 0; i < split.length; i++) {
            String word = split[i];
            if (word.isEmpty()) {
                continue;
            }
            String written = ABBREVIATIONS.get(word);
            if (word.equals("n") && i + 1 < split.length && !split[i + 1].isEmpty()
                    && Character.isDigit(split[i + 1].charAt(0))) {
                written = null; // "n 45": the house number's short word, not a no
            }
            if (written == null) {
                words.add(word);
            } else if (written.indexOf(' ') < 0) {
                words.add(written);
            } else {
                words.addAll(Arrays.asList(written.split(" ")));
            }
        }
        // Fillers of speech around what is said ("então, bom dia né", "uh yes you know"): dropped at the edges.
        while (words.size() > 1 && Vocabulary.LEADING_FILLERS.contains(words.getFirst())
                && !(words.getFirst().equals("so") && words.get(1).equals("isso"))) {
            words.removeFirst();
        }
        while (words.size() > 1 && Vocabulary.TRAILING_FILLERS.contains(words.getLast())) {
            words.removeLast();
        }
        if (words.size() > 2 && words.getLast().equals("know") && words.get(words.size() - 2).equals("you")) {
            words.removeLast();
            words.removeLast();
        }
        return words;
    }

    /** The words of folded text as written, abbreviations and all. */
    static List<String> tokens(String folded) {
        List<String> tokens = new ArrayList<>();
        for (String word : NON_WORD.split(folded)) {
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return tokens;
    }

    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
