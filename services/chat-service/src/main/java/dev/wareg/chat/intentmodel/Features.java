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
        String[] tokens = tokens(text);
        String joined = " " + String.join(" ", tokens) + " ";
        long[] keys = new long[(MAX_CHAR_GRAM - MIN_CHAR_GRAM + 1) * joined.length() + 2 * tokens.length + 4];
        int n = 0;
        for (int start = 0; start < joined.length(); start++) {
            long hash = CHARS;
            for (int end = start; end < Math.min(joined.length(), start + MAX_CHAR_GRAM); end++) {
                hash = step(hash, joined.charAt(end));
                if (end - start + 1 >= MIN_CHAR_GRAM) {
                    keys[n++] = hash;
                }
            }
        }
        long previous = hash(WORD, START);
        for (String token : tokens) {
            long word = hash(WORD, token);
            keys[n++] = word;
            keys[n++] = pair(previous, word);
            previous = word;
        }
        keys[n++] = pair(previous, hash(WORD, END));
        keys[n++] = hash(LENGTH, lengthBucket(tokens.length));
        if (askedField != null) {
            keys[n++] = hash(ASKED, askedField);
            keys[n++] = hash(ASKED, "");
        }
        return counted(Arrays.copyOf(keys, n));
    }

    /** The lower-cased, accent-folded tokens of a message, digits as {@code 0}. */
    static String[] tokens(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        var tokens = new java.util.ArrayList<String>();
        var word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(Character.isDigit(codePoint) ? '0' : codePoint);
                continue;
            }
            if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            // Variation selectors and joiners only dress up an emoji; the emoji itself is the token.
            if (!Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                    && Character.getType(codePoint) != Character.NON_SPACING_MARK
                    && Character.getType(codePoint) != Character.FORMAT) {
                tokens.add(Character.toString(codePoint));
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens.toArray(String[]::new);
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
