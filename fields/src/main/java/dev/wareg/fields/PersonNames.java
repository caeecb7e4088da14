package dev.wareg.fields;

import java.util.Locale;
import java.util.Set;

/**
 * A person's name as they write it: letters of any script (accents included), spaces, apostrophes, hyphens and
 * abbreviation dots; 2 to 120 characters with at least two letters. Spacing is normalised; capitalisation is
 * fixed only when the whole name was typed in one case ("MARIA DA SILVA", "maria da silva"), so deliberate
 * forms like "McDonald" or "d'Ávila" are kept.
 */
public final class PersonNames implements FieldValidator {

    private static final int MAX_LENGTH = 120;
    private static final Set<String> PARTICLES = Set.of("da", "das", "de", "del", "di", "do", "dos", "du", "e", "van", "von");

    @Override
    public Validation validate(String raw) {
        String name = raw.strip().replaceAll("\\s+", " ").replace('’', '\'');
        if (name.isEmpty()) {
            return Validation.invalid("empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Validation.invalid("too-long");
        }
        long letters = name.codePoints().filter(Character::isLetter).count();
        boolean allowed = name.codePoints().allMatch(c -> Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || c == ' ' || c == '\'' || c == '-' || c == '.');
        if (!allowed) {
            return Validation.invalid("characters");
        }
        if (letters < 2) {
            return Validation.invalid("too-short");
        }
        boolean oneCase = name.equals(name.toLowerCase(Locale.ROOT)) || name.equals(name.toUpperCase(Locale.ROOT));
        return Validation.valid(oneCase ? capitalise(name) : name);
    }

    private static String capitalise(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split(" ");
        var result = new StringBuilder(name.length());
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                result.append(' ');
            }
            String word = words[i];
            result.append(i > 0 && PARTICLES.contains(word) ? word : capitaliseParts(word));
        }
        return result.toString();
    }

    /** "ana-maria" -> "Ana-Maria", "o'neil" -> "O'Neil". */
    private static String capitaliseParts(String word) {
        var result = new StringBuilder(word.length());
        boolean upperNext = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            result.append(upperNext ? Character.toUpperCase(c) : c);
            upperNext = c == '-' || c == '\'';
        }
        return result.toString();
    }
}
