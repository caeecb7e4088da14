package dev.wareg.fields;

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * Whether the distance is at most {@code max}. Strings whose lengths differ by more than that are never
     * within it, which spares the table for most pairs (keyword matching compares each word with many keywords).
     */
    public static boolean within(CharSequence a, CharSequence b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        return max == 1 ? withinOne(a, b) : damerauLevenshtein(a, b) <= max;
    }

    /** One edit at most, in one pass: the common case of keyword typo tolerance, without the table. */
    private static boolean withinOne(CharSequence a, CharSequence b) {
        if (a.length() < b.length()) {
            return withinOne(b, a);
        }
        int i = 0;
        while (i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == b.length()) {
            return a.length() - b.length() <= 1;
        }
        if (a.length() > b.length()) {
            return sameFrom(a, i + 1, b, i); // one insertion
        }
        if (sameFrom(a, i + 1, b, i + 1)) {
            return true; // one substitution
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && sameFrom(a, i + 2, b, i + 2); // one transposition of adjacent characters
    }

    private static boolean sameFrom(CharSequence a, int fromA, CharSequence b, int fromB) {
        if (a.length() - fromA != b.length() - fromB) {
            return false;
        }
        for (int k = 0; fromA + k < a.length(); k++) {
            if (a.charAt(fromA + k) != b.charAt(fromB + k)) {
                return false;
            }
        }
        return true;
    }

    public static int damerauLevenshtein(CharSequence a, CharSequence b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
