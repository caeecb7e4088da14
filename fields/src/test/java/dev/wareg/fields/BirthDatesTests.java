package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDatesTests {

    /** 2025-06-15 at 09:00 in São Paulo. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private final BirthDates birthDates = new BirthDates(CLOCK);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12/05/1990          | 1990-05-12
            1/2/1990            | 1990-02-01
            01/2/1990           | 1990-02-01
            12-05-1990          | 1990-05-12
            12.05.1990          | 1990-05-12
            1990-05-12          | 1990-05-12
            '  12/05/1990  '    | 1990-05-12
            29/02/2000          | 2000-02-29
            15/06/2025          | 2025-06-15
            16/06/1894          | 1894-06-16
            12/05/90            | 1990-05-12
            12/5/90             | 1990-05-12
            30-01-05            | 2005-01-30
            """)
    void acceptsDayFirstOrIsoAndOutputsIso(String raw, String iso) {
        assertThat(birthDates.validate(raw)).isEqualTo(Validation.valid(iso));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''              | empty
            '   '           | empty
            31/02/2000      | impossible
            29/02/2001      | impossible
            31/04/1990      | impossible
            32/01/1990      | impossible
            00/01/1990      | impossible
            12/13/1990      | impossible
            12/05/20        | format
            31/02/90        | impossible
            1990/05/12      | format
            1990-5-12       | format
            12/05-1990      | format
            12 05 1990      | format
            12/05/01990     | format
            doze de maio    | format
            16/06/2025      | future
            01/01/2100      | future
            15/06/1894      | implausible
            01/01/1000      | implausible
            """)
    void refuses(String raw, String reason) {
        assertThat(birthDates.validate(raw)).isEqualTo(Validation.invalid(reason));
    }

    @Test
    void todayIsTheClocksDateInItsOwnZone() {
        var lateEveningInSaoPaulo = Instant.parse("2025-06-16T01:00:00Z");

        assertThat(new BirthDates(Clock.fixed(lateEveningInSaoPaulo, ZoneId.of("America/Sao_Paulo"))).validate("16/06/2025"))
                .isEqualTo(Validation.invalid("future"));
        assertThat(new BirthDates(Clock.fixed(lateEveningInSaoPaulo, ZoneOffset.UTC)).validate("16/06/2025"))
                .isEqualTo(Validation.valid("2025-06-16"));
    }

    @Property
    void anyDateUpTo130YearsAgoIsAcceptedInEveryNotation(
            @ForAll @DateRange(min = "1894-06-16", max = "2025-06-15") LocalDate date) {
        var iso = Validation.valid(date.toString());

        assertThat(birthDates.validate(date.format(DateTimeFormatter.ofPattern("dd/MM/uuuu")))).isEqualTo(iso);
        assertThat(birthDates.validate(date.format(DateTimeFormatter.ofPattern("d/M/uuuu")))).isEqualTo(iso);
        assertThat(birthDates.validate(date.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")))).isEqualTo(iso);
        assertThat(birthDates.validate(date.toString())).isEqualTo(iso);
    }

    @Property
    void anyDateAfterTodayIsInTheFuture(@ForAll @IntRange(min = 1, max = 100_000) int daysAhead) {
        String date = TODAY.plusDays(daysAhead).toString();

        assertThat(birthDates.validate(date)).isEqualTo(Validation.invalid("future"));
    }

    @Property
    void anyDateMoreThan130YearsAgoIsImplausible(@ForAll @IntRange(min = 0, max = 100_000) int daysEarlier) {
        String date = TODAY.minusYears(131).minusDays(daysEarlier).toString();

        assertThat(birthDates.validate(date)).isEqualTo(Validation.invalid("implausible"));
    }
}
