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
 * dots), or as ISO 8601 ("1990-05-12"), which is also the normalised form. The year needs four digits: "12/05/25"
 * could be 1925 or 2025, and guessing the century is worse than asking again. Impossible dates ("31/02/2000") are
 * refused rather than rolled over, with their own reason ({@code impossible}). "Today" is the injected clock's date in the clock's own zone: around midnight the
 * zone decides whether a date is still in the future.
 */
final class BirthDates implements FieldValidator {

    private static final int MAX_AGE = 130;
    /** The same separator twice, so "12/05-1990" is not taken for a date. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
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
                date = LocalDate.parse(dayFirst.group(1) + "/" + dayFirst.group(3) + "/" + dayFirst.group(4), DAY_FIRST_DATE);
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
}
