package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

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
            "email,emails-and-more,1,false", "'',a,1,true", "'',ab,1,false"})
    void withinAgreesWithTheDistance(String a, String b, int max, boolean within) {
        assertThat(EditDistance.within(a, b, max)).isEqualTo(within);
        assertThat(EditDistance.within(a, b, max)).isEqualTo(EditDistance.damerauLevenshtein(a, b) <= max);
    }
}
