package dev.wareg.chat.interpretation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number words as digits, in both languages, for the spotters of phones, CPFs, CEPs and dates: "vinte e um" -> 21,
 * "twenty one" -> 21, "mil novecentos e oitenta e sete" -> 1987, and a dictated sequence digit by digit: "zero dois
 * dois" -> "0 2 2", "onze nove oito..." -> "11 9 8...". Numbers that follow each other without a joiner ("e", "and")
 * stay apart, separated by a space, so that a spotter can join them into one long number or read "nineteen seventy"
 * as a year. A lone "um", "one" or "oh" is an article or an exclamation, not a number, and stays a word.
 */
final class NumberWords {

    private static final Map<String, Integer> VALUES = values();
    private static final Set<String> JOINERS = Lexicon.STANDARD.words("number-joiners");
    /** Multiply what comes before them ("dois mil", "nine hundred"). */
    private static final Set<Integer> MULTIPLIERS = Set.of(100, 1000);
    /** Never a number when alone. */
    private static final Set<String> AMBIGUOUS_ALONE = Set.of("um", "uma", "one", "oh", "meia");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private NumberWords() {
    }

    private static Map<String, Integer> values() {
        Map<String, Integer> values = new HashMap<>();
        Lexicon.STANDARD.map("numbers").forEach((word, value) -> values.put(word, Integer.parseInt(value)));
        return Map.copyOf(values);
    }

    /**
     * Whether the words may say a number: a number word that is no article ("um", "one") when alone, or two. Most
     * messages have none, and skip the rest.
     */
    static boolean any(Iterable<String> words) {
        int count = 0;
        for (String word : words) {
            if (VALUES.containsKey(word) && (!AMBIGUOUS_ALONE.contains(word) || ++count > 1)) {
                return true;
            }
        }
        return false;
    }

    /** Folded text with its number words as digits; commas between them dropped ("quarenta e um, nove" -> "41 9"). */
    static String digits(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        Matcher word = WORD.matcher(folded);
        int copied = 0;
        while (word.find()) {
            if (!VALUES.containsKey(word.group()) || word.start() < copied) {
                continue;
            }
            // A run: number words, joiners between them, spaces and commas.
            StringBuilder run = new StringBuilder();
            int words = 0;
            long current = -1;
            int last = 0;
            boolean joined = false;
            int end = word.start();
            int numberEnd = word.end();
            Matcher next = WORD.matcher(folded);
            next.region(word.start(), folded.length());
            while (next.find()) {
                String between = folded.substring(end, next.start());
                if (end > word.start() && !between.isBlank() && !between.strip().equals(",")) {
                    break;
                }
                String token = next.group();
                if (JOINERS.contains(token) && current >= 0) {
                    joined = true;
                    end = next.end();
                    continue;
                }
                Integer value = VALUES.get(token);
                if (value == null) {
                    break;
                }
                words++;
                if (current < 0) {
                    current = value;
                } else if (MULTIPLIERS.contains(value) && current < value && !joined) {
                    current *= value; // "dois mil", "nine hundred"
                } else if (joined && value < last || !joined && combines(last, value, current)) {
                    current += value; // "vinte e um", "mil novecentos", "twenty one"
                } else {
                    run.append(current).append(' ');
                    current = value;
                }
                last = value;
                joined = false;
                end = next.end();
                numberEnd = end;
            }
            if (words == 1 && AMBIGUOUS_ALONE.contains(word.group())) {
                continue;
            }
            run.append(current);
            out.append(folded, copied, word.start()).append(run);
            copied = numberEnd;
        }
        return copied == 0 ? folded : out.append(folded, copied, folded.length()).toString();
    }

    /**
     * Whether two numbers said one after the other without a joiner make one: "twenty one", "mil novecentos", "nine
     * hundred eighty"; not "nove nove" or "onze nove", which are digits of a longer number.
     */
    private static boolean combines(int previous, int value, long current) {
        if (previous >= 20 && previous < 100 && previous % 10 == 0 && value < 10) {
            return true;
        }
        return previous >= 100 && previous % 100 == 0 && value < previous && current % 100 == 0 && value >= 10
                || previous >= 1000 && value < 1000;
    }
}
