package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dates as people write them: in digits ("17/05/1990", "1990-05-17", and month first, "12/25/1980", when the day
 * cannot be the month; the year in four digits, as the field asks, since "17/05/25" could be 1925 or 2025), with the month in words of either language ("21 de abril de 1987", "21/abr/87",
 * "April 21st, 1987", "21st of April 1987", "3 march 90") and, through {@link NumberWords}, said in words ("vinte e
 * um de junho de mil novecentos e noventa", "october second nineteen seventy seven"). With the month in words a two-digit year
 * is read too ("21/abr/87"), as of this century when that is not in the future, else of the last. The value is the date as written; {@link #iso} reads it as ISO 8601 ({@code 1987-04-21}); a day no
 * calendar has ("31/02/1990") is left as written by {@link CanonicalValues}, so that the field's validator says
 * what is wrong with it.
 */
final class DateSpotter {

    private static final Map<String, String> MONTHS = Lexicon.STANDARD.map("months");
    private static final String MONTH = monthAlternatives();
    private static final String ORDINAL = "(?:st|nd|rd|th|o|º|°)?";
    private static final String YEAR = "((?:19|20) \\d{2}|\\d{4}|\\d{2})";
    /** Digits: day first (a two-digit year only after a slash: "22/11/98"), or ISO. */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?:(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|(?<=/)\\d{2})|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\d/-])");
    /** "21 de abril de 1987", "21/abr/87", "21st of April 1987", "3 march 90". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})" + ORDINAL
            + "(?:\\s+(?:de|of)\\s+|\\s*[/.-]\\s*|\\s+)" + MONTH + "\\.?(?:\\s+(?:de|of)\\s+|\\s*[/.-]\\s*|,?\\s+)"
            + YEAR + "\\b");
    /** "April 21st, 1987", "may 12 1990". */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\.?\\s+(?:the\\s+)?(\\d{1,2})"
            + ORDINAL + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");

    /** "dia 3 do 4 de 71", "25 do 12 de 2001": the month's number after "do". */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b(\\d{1,2})\\s+do\\s+(\\d{1,2})\\s+de\\s+" + YEAR + "\\b");

    /** "30 de junho, ano 1990", "25 de dezembro, nasci em 96": the year said apart, a few words on. */
    private static final Pattern DAY_MONTH_THEN_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+de\\s+" + MONTH
            + "\\b[^\\d]{1,20}?(?:ano|nasci\\s+em|de|em)\\s+((?:19|20)\\d{2}|\\d{2})\\b");
    /** "setembro de 82, dia 7": the month and year first, then the day. */
    private static final Pattern MONTH_YEAR_THEN_DAY = Pattern.compile("\\b" + MONTH + "\\s+de\\s+((?:19|20)\\d{2}|\\d{2})"
            + "\\b[\\s,]+dia\\s+(\\d{1,2})\\b");

    /** A street named after a date: "Rua Quinze de Novembro 45", "Av. 7 de Setembro, 1200" are no birth dates. */
    private static final Pattern STREET_BEFORE = Pattern.compile(
            "\\b(?:rua|r|avenida|av|praca|travessa|tv|alameda|al|estrada|rodovia|largo|street)\\.?\\s*$");
    private static final List<Pattern> WORDED = List.of(DAY_MONTH_YEAR, MONTH_DAY_YEAR, DAY_OF_MONTH, DAY_MONTH_THEN_YEAR,
            MONTH_YEAR_THEN_DAY);
    private static final List<Pattern> EVERY = Stream.concat(Stream.of(NUMERIC), WORDED.stream()).toList();

    private DateSpotter() {
    }

    private static String monthAlternatives() {
        List<String> names = new ArrayList<>(MONTHS.keySet());
        names.sort((a, b) -> b.length() - a.length());
        return "(" + String.join("|", names) + ")";
    }

    /** A date in digits in the text as written; returns what is left. */
    static String numeric(String rest, Map<String, String> values) {
        Matcher date = NUMERIC.matcher(rest);
        if (!date.find()) {
            return rest;
        }
        if (shortYear(date) && iso(date, NUMERIC) == null) {
            return rest; // "17/05/20": 1920 or 2020, neither a plausible birth date
        }
        values.put("birthDate", date.group());
        return rest.replace(date.group(), " ");
    }

    private static boolean shortYear(Matcher numeric) {
        return numeric.group(4) != null && numeric.group(4).length() == 2;
    }

    /**
     * A date with its month in words, found in {@code folded} (the text folded without moving anything, or with its
     * number words as digits) and taken from {@code source} at the same place.
     */
    static boolean inWords(String folded, String source, Map<String, String> values) {
        for (Pattern pattern : WORDED) {
            Matcher date = pattern.matcher(folded);
            if (date.find() && iso(date, pattern) != null && !STREET_BEFORE.matcher(folded.substring(0, date.start())).find()) {
                values.put("birthDate", source.substring(date.start(), date.end()));
                return true;
            }
        }
        return false;
    }

    /** The ISO date a spotted date stands for ("21/abr/87" -> "1987-04-21"), or null when it is no date. */
    static String iso(String written) {
        String folded = Normaliser.sameLength(written.strip());
        for (Pattern pattern : EVERY) {
            Matcher date = pattern.matcher(folded);
            if (date.find()) {
                return iso(date, pattern);
            }
        }
        return null;
    }

    private static String iso(Matcher date, Pattern pattern) {
        if (pattern == NUMERIC && shortYear(date)) {
            // "22/11/98": as the field reads it, when only one century makes a plausible birth date
            return RegistrationFields.BIRTH_DATE.validate(date.group()) instanceof Validation.Valid(String iso) ? iso : null;
        }
        if (pattern == NUMERIC) {
            return date.group(5) != null ? date.group() : iso(date.group(4), date.group(3), date.group(1));
        }
        if (pattern == DAY_MONTH_THEN_YEAR) {
            return iso(date.group(3), MONTHS.get(date.group(2)), date.group(1));
        }
        if (pattern == MONTH_YEAR_THEN_DAY) {
            return iso(date.group(2), MONTHS.get(date.group(1)), date.group(3));
        }
        if (pattern == DAY_OF_MONTH) {
            return iso(date.group(3), date.group(2), date.group(1));
        }
        if (pattern == DAY_MONTH_YEAR) {
            return iso(date.group(3), MONTHS.get(date.group(2)), date.group(1));
        }
        return iso(date.group(3), MONTHS.get(date.group(1)), date.group(2));
    }

    /** The ISO date, or null when no calendar has it (month first when the day cannot be the month). */
    private static String iso(String year, String month, String day) {
        year = year.replace(" ", "");
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            int thisYear = Year.now().getValue();
            y += 2000 + y > thisYear ? 1900 : 2000;
        }
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (m > 12 && d <= 12) {
            int swap = m;
            m = d;
            d = swap;
        }
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
