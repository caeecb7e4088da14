package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatesTests {

    private final States states = new States();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SP                      | SP
            sp                      | SP
            '  Sp  '                | SP
            São Paulo               | SP
            sao paulo               | SP
            SÃO   PAULO             | SP
            Rio Grande do Sul       | RS
            rio grande do norte     | RN
            Pará                    | PA
            para                    | PA
            Paraná                  | PR
            distrito federal        | DF
            Espirito Santo          | ES
            """)
    void acceptsCodesAndNamesAndOutputsTheCode(String raw, String code) {
        assertThat(states.validate(raw)).isEqualTo(Validation.valid(code));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AC | Acre
            AL | Alagoas
            AP | Amapá
            AM | Amazonas
            BA | Bahia
            CE | Ceará
            DF | Distrito Federal
            ES | Espírito Santo
            GO | Goiás
            MA | Maranhão
            MT | Mato Grosso
            MS | Mato Grosso do Sul
            MG | Minas Gerais
            PA | Pará
            PB | Paraíba
            PR | Paraná
            PE | Pernambuco
            PI | Piauí
            RJ | Rio de Janeiro
            RN | Rio Grande do Norte
            RS | Rio Grande do Sul
            RO | Rondônia
            RR | Roraima
            SC | Santa Catarina
            SP | São Paulo
            SE | Sergipe
            TO | Tocantins
            """)
    void knowsAllTwentySevenUnits(String code, String name) {
        assertThat(states.validate(code)).isEqualTo(Validation.valid(code));
        assertThat(states.validate(name)).isEqualTo(Validation.valid(code));
        assertThat(states.validate(withoutAccents(name).toLowerCase(Locale.ROOT))).isEqualTo(Validation.valid(code));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | empty
            '   '               | empty
            XX                  | unknown
            S                   | unknown
            S P                 | unknown
            SPP                 | unknown
            São Paulo do Norte  | unknown
            Brasil              | unknown
            Buenos Aires        | unknown
            """)
    void refuses(String raw, String reason) {
        assertThat(states.validate(raw)).isEqualTo(Validation.invalid(reason));
    }

    @Property
    void caseAccentsAndSpacingDoNotMatter(@ForAll("knownUnits") String known, @ForAll long casing) {
        var random = new Random(casing);
        var typed = new StringBuilder(" ".repeat(random.nextInt(3)));
        for (char c : (random.nextBoolean() ? withoutAccents(known) : known).toCharArray()) {
            typed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            typed.append(c == ' ' ? " ".repeat(random.nextInt(3)) : "");
        }

        var once = states.validate(typed.toString());
        assertThat(once).isEqualTo(states.validate(known)).isInstanceOf(Validation.Valid.class);
        assertThat(states.validate(((Validation.Valid) once).value())).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> knownUnits() {
        return Arbitraries.of("São Paulo", "Rio Grande do Sul", "Espírito Santo", "Amapá", "Rondônia", "Piauí",
                "Mato Grosso do Sul", "Distrito Federal", "SP", "rj", "Df");
    }

    private static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
