package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTests {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({"gmail,gmail,0", "gmial,gmail,1", "gmai,gmail,1", "gamil,gmail,1", "gmali,gmail,1", "gmaaail,gmail,2", "'',abc,3", "ca,abc,3", "email,e-mail,1"})
    void countsEditsWithAdjacentTranspositionsAsOne(String a, String b, int distance) {
        assertThat(EditDistance.damerauLevenshtein(a, b)).isEqualTo(distance);
        assertThat(EditDistance.damerauLevenshtein(b, a)).isEqualTo(distance);
    }

    @ParameterizedTest(name = "{0} ~ {1} within {2}: {3}")
    @CsvSource({"gmial,gmail,1,true", "gmaaail,gmail,1,false", "gmaaail,gmail,2,true", "atualisar,atualizar,1,true",
            "email,emails-and-more,1,false", "'',a,1,true", "'',ab,1,false", "gmail,gmail,1,true", "gmai,gmail,1,true",
            "gmaill,gmail,1,true", "xgmail,gmail,1,true", "gamil,gmail,1,true", "gmali,gmail,1,true", "mgail,gmail,1,true",
            "gmial,gmali,1,false", "abcd,badc,1,false", "abc,acb,1,true", "abc,axc,1,true", "abc,xbz,1,false"})
    void withinAgreesWithTheDistance(String a, String b, int max, boolean within) {
        assertThat(EditDistance.within(a, b, max)).isEqualTo(within);
        assertThat(EditDistance.within(a, b, max)).isEqualTo(EditDistance.damerauLevenshtein(a, b) <= max);
    }

    /** The one-pass check for one edit agrees with the table on every pair of short strings over a small alphabet. */
    @Property
    void withinOneAgreesWithTheTable(@ForAll @StringLength(max = 6)
            @CharRange(from = 'a', to = 'c') String a,
            @ForAll @StringLength(max = 6)
            @CharRange(from = 'a', to = 'c') String b) {
        assertThat(EditDistance.within(a, b, 1)).isEqualTo(EditDistance.damerauLevenshtein(a, b) <= 1);
    }
}
