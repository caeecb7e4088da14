package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSpotterTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            meu nome é joão pedro de souza                       | joão pedro de souza
            me chamo Simone Nogueira                             | Simone Nogueira
            sou o Carlos Lima                                    | Carlos Lima
            Sou a Luíza Helena Prado                             | Luíza Helena Prado
            my name is John O'Neil                               | John O'Neil
            name's Peter Grant, email peter.grant@proton.me      | Peter Grant
            I'm Emma Wilson                                      | Emma Wilson
            call me Ana Lima                                     | Ana Lima
            my name is now Laura Bennett-Silva                   | Laura Bennett-Silva
            """)
    void findsANameAfterItsLeadIn(String text, String name) {
        assertThat(interpreter.interpret(text).values()).containsEntry("name", name);
    }

    @Test
    void aBareNameIsTheAnswerWhenTheNameIsAsked() {
        assertThat(interpreter.interpret("Maria Eduarda Lima", "name").values())
                .containsEntry("name", "Maria Eduarda Lima");
        assertThat(interpreter.interpret("Maria Eduarda Lima").values()).doesNotContainKey("name");
    }

    @ParameterizedTest(name = "\"{0}\" has no name")
    @CsvSource(delimiter = '|', textBlock = """
            I'm from Recife
            I'm lost
            me chama no (27) 98930-8644
            call me at (22) 94410-7071
            """)
    void whatFollowsALeadInIsNotAlwaysAName(String text) {
        assertThat(interpreter.interpret(text).values()).doesNotContainKey("name");
    }
}
