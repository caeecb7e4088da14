package dev.wareg.chat.intentmodel;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a message into a sparse vector of hashed features, the same at training and at prediction:
 * <ul>
 * <li>the text is lower-cased and accent-folded ("Endereço" and "endereco" are one word), every digit becomes
 * {@code 0} (a CEP is a shape, not a number), and it is cut into tokens: runs of letters and digits, and every other
 * visible character on its own ("?", "@", "👍");</li>
 * <li>character n-grams of 2 to 5 over the tokens joined by single spaces with a space at each end, so that word
 * boundaries are part of the n-grams and slips in spelling ("atualisar") still share most of them;</li>
 * <li>words and pairs of adjacent words, with a start and an end mark ("sim" alone differs from "sim, mas...");</li>
 * <li>the field the bot had just asked for, if any, and a bucket of the message's length in tokens.</li>
 * </ul>
 * Each feature is a 64-bit FNV-1a hash of its text and kind, computed without building strings. Counts are scaled to
 * unit length, so long messages do not get larger scores than short ones.
 */
final class Features {

    static final int MIN_CHAR_GRAM = 2;
    static final int MAX_CHAR_GRAM = 5;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Distinct starting points keep a word "sim", the 3-gram "sim" and a field "sim" apart. */
    private static final long CHARS = FNV_OFFSET;
    private static final long WORD = FNV_OFFSET ^ 0x1L;
    private static final long BIGRAM = FNV_OFFSET ^ 0x2L;
    private static final long ASKED = FNV_OFFSET ^ 0x3L;
    private static final long LENGTH = FNV_OFFSET ^ 0x4L;
    private static final String START = "\u0002";
    private static final String END = "\u0003";

    private Features() {
    }

    /** A sparse vector: distinct keys in ascending order, each with its weight. */
    record Vector(long[] keys, float[] values) {

        int size() {
            return keys.length;
        }
    }

    static Vector of(String text, String askedField) {
        Text folded = Text.of(text);
        char[] joined = folded.chars();
        int length = folded.length();
        int tokens = folded.tokens();
        long[] keys = new long[(MAX_CHAR_GRAM - MIN_CHAR_GRAM + 1) * length + 2 * tokens + 4];
        int n = 0;
        for (int start = 0; start < length; start++) {
            long hash = CHARS;
            for (int end = start; end < Math.min(length, start + MAX_CHAR_GRAM); end++) {
                hash = step(hash, joined[end]);
                if (end - start + 1 >= MIN_CHAR_GRAM) {
                    keys[n++] = hash;
                }
            }
        }
        long previous = hash(WORD, START);
        for (int t = 0; t < tokens; t++) {
            long word = WORD;
            for (int i = folded.start(t); i < folded.end(t); i++) {
                word = step(word, joined[i]);
            }
            keys[n++] = word;
            keys[n++] = pair(previous, word);
            previous = word;
        }
        keys[n++] = pair(previous, hash(WORD, END));
        keys[n++] = hash(LENGTH, lengthBucket(tokens));
        if (askedField != null) {
            keys[n++] = hash(ASKED, askedField);
            keys[n++] = hash(ASKED, "");
        }
        return counted(Arrays.copyOf(keys, n));
    }

    /** The lower-cased, accent-folded tokens of a message, digits as {@code 0}. */
    static String[] tokens(String text) {
        Text folded = Text.of(text);
        String[] tokens = new String[folded.tokens()];
        for (int t = 0; t < tokens.length; t++) {
            tokens[t] = new String(folded.chars(), folded.start(t), folded.end(t) - folded.start(t));
        }
        return tokens;
    }

    /**
     * The folded tokens joined by single spaces, with a space at each end, and where each token starts; built in one
     * pass without regular expressions or a {@link Normalizer} call per message (a table made once folds accents).
     */
    private record Text(char[] chars, int length, int[] starts, int tokens) {

        /** Lower case without accents, for every character below {@link #FOLDED}: {@code 'É'} is {@code 'e'}. */
        private static final char[] FOLD = foldTable();
        private static final int FOLDED = 0x2000;

        static Text of(String text) {
            char[] chars = new char[2 * text.length() + 2];
            int[] starts = new int[text.length() + 1];
            int length = 0;
            int tokens = 0;
            boolean inWord = false;
            chars[length++] = ' ';
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                i += Character.charCount(codePoint);
                int type = Character.getType(codePoint);
                // Combining accents, variation selectors and joiners only dress up a letter or an emoji.
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.FORMAT) {
                    continue;
                }
                boolean letterOrDigit = Character.isLetterOrDigit(codePoint);
                if (letterOrDigit && inWord) {
                    length = append(chars, length, codePoint);
                    continue;
                }
                if (inWord) {
                    chars[length++] = ' ';
                    inWord = false;
                }
                if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                    continue;
                }
                starts[tokens++] = length;
                length = append(chars, length, codePoint);
                if (letterOrDigit) {
                    inWord = true;
                } else {
                    chars[length++] = ' ';
                }
            }
            if (inWord) {
                chars[length++] = ' ';
            }
            return new Text(chars, length, starts, tokens);
        }

        int start(int token) {
            return starts[token];
        }

        /** Where a token ends: every token is followed by one space. */
        int end(int token) {
            int end = starts[token];
            while (chars[end] != ' ') {
                end++;
            }
            return end;
        }

        private static int append(char[] chars, int length, int codePoint) {
            if (Character.isDigit(codePoint)) {
                chars[length++] = '0';
            } else if (codePoint < FOLDED) {
                chars[length++] = FOLD[codePoint];
            } else {
                length += Character.toChars(Character.toLowerCase(codePoint), chars, length);
            }
            return length;
        }

        private static char[] foldTable() {
            char[] fold = new char[FOLDED];
            for (char c = 0; c < FOLDED; c++) {
                String stripped = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD))
                        .replaceAll("").toLowerCase(Locale.ROOT);
                fold[c] = stripped.length() == 1 ? stripped.charAt(0) : Character.toLowerCase(c);
            }
            return fold;
        }
    }

    private static String lengthBucket(int tokens) {
        if (tokens <= 2) {
            return Integer.toString(tokens);
        }
        return tokens <= 4 ? "3-4" : tokens <= 8 ? "5-8" : tokens <= 16 ? "9-16" : "17+";
    }

    private static Vector counted(long[] keys) {
        Arrays.sort(keys);
        long[] distinct = new long[keys.length];
        float[] counts = new float[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (n > 0 && distinct[n - 1] == keys[i]) {
                counts[n - 1]++;
            } else {
                distinct[n] = keys[i];
                counts[n++] = 1;
            }
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += counts[i] * counts[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            counts[i] *= scale;
        }
        return new Vector(Arrays.copyOf(distinct, n), Arrays.copyOf(counts, n));
    }

    private static long hash(long seed, String text) {
        long hash = seed;
        for (int i = 0; i < text.length(); i++) {
            hash = step(hash, text.charAt(i));
        }
        return hash;
    }

    /** SplitMix64's finaliser over both words, so that "a b" and "b a" differ. */
    private static long pair(long first, long second) {
        long z = BIGRAM ^ (first * FNV_PRIME + second);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long step(long hash, char c) {
        return (hash ^ c) * FNV_PRIME;
    }
}
