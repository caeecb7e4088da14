package dev.wareg.fields;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Dates of birth as people in Brazil write them, day first ("12/05/1990", "1/2/1990", with slashes, hyphens or
 * dots), or as ISO 8601 ("1990-05-12"), which is also the normalised form. A year of two digits is taken only when
 * one century alone gives a plausible birth date (between {@value #SHORT_YEAR_MIN_AGE} and {@value #SHORT_YEAR_MAX_AGE}
 * years ago): "12/7/92" is 1992, "30/01/05" 2005; in 2025, "12/05/20" is neither 1920 nor 2020 with any confidence, and
 * guessing the century is worse than asking again. Impossible dates ("31/02/2000") are
 * refused rather than rolled over, with their own reason ({@code impossible}). "Today" is the injected clock's date in the clock's own zone: around midnight the
 * zone decides whether a date is still in the future.
 */
final class BirthDates implements FieldValidator {

    private static final int MAX_AGE = 130;
    /** The same separator twice, so "12/05-1990" is not taken for a date. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})");
    static final int SHORT_YEAR_MIN_AGE = 10;
    static final int SHORT_YEAR_MAX_AGE = 100;
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DAY_FIRST_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    BirthDates(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Validation validate(String raw) {
        String candidate = raw.strip();
        if (candidate.isEmpty()) {
            return Validation.invalid("empty");
        }
        LocalDate date;
        try {
            var dayFirst = DAY_FIRST.matcher(candidate);
            if (dayFirst.matches()) {
                String year = dayFirst.group(4);
                if (year.length() == 2) {
                    year = century(dayFirst.group(1), dayFirst.group(3), Integer.parseInt(year));
                    if (year == null) {
                        return Validation.invalid("format");
                    }
                }
                date = LocalDate.parse(dayFirst.group(1) + "/" + dayFirst.group(3) + "/" + year, DAY_FIRST_DATE);
            } else if (ISO.matcher(candidate).matches()) {
                date = LocalDate.parse(candidate, DateTimeFormatter.ISO_LOCAL_DATE);
            } else {
                return Validation.invalid("format");
            }
        } catch (DateTimeParseException e) {
            // Written as a date, but no calendar has it ("31/02/1990"): saying so beats asking for the format again.
            return Validation.invalid("impossible");
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            return Validation.invalid("future");
        }
        if (Period.between(date, today).getYears() > MAX_AGE) {
            return Validation.invalid("implausible");
        }
        return Validation.valid(date.toString());
    }

    /** The four-digit year of a two-digit one, when only one century makes a plausible birth date; else null. */
    private String century(String day, String month, int shortYear) {
        LocalDate today = LocalDate.now(clock);
        String found = null;
        for (int base : new int[] {1900, 2000}) {
            try {
                LocalDate date = LocalDate.parse(day + "/" + month + "/" + (base + shortYear), DAY_FIRST_DATE);
                int age = Period.between(date, today).getYears();
                if (!date.isAfter(today) && age >= SHORT_YEAR_MIN_AGE && age <= SHORT_YEAR_MAX_AGE) {
                    if (found != null) {
                        return null;
                    }
                    found = String.valueOf(base + shortYear);
                }
            } catch (DateTimeParseException e) {
                return String.valueOf(base + shortYear); // impossible either way ("31/02/90"): the parse says so
            }
        }
        return found;
    }
}
