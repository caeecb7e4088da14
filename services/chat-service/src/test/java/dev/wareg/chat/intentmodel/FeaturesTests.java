package dev.wareg.chat.intentmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeaturesTests {

    @Test
    void caseAccentsAndSpacingDoNotMatter() {
        assertThat(Features.of("Quero mudar meu ENDEREÇO", null))
                .usingRecursiveComparison().isEqualTo(Features.of("quero  mudar meu endereco", null));
    }

    @Test
    void digitsAreAShapeNotANumber() {
        assertThat(Features.tokens("meu cep é 01310-100")).containsExactly("meu", "cep", "e", "00000", "-", "000");
        assertThat(Features.of("01310-100", "postalCode"))
                .usingRecursiveComparison().isEqualTo(Features.of("04567-890", "postalCode"));
    }

    @Test
    void punctuationAndEmojisAreTokensOfTheirOwn() {
        assertThat(Features.tokens("Sim 👍🏽!")).containsExactly("sim", "👍", "🏽", "!");
        assertThat(Features.tokens("ok 👍️")).containsExactly("ok", "👍");
    }

    @Test
    void theAskedFieldIsAFeature() {
        assertThat(Features.of("Maria da Silva", "name").keys())
                .isNotEqualTo(Features.of("Maria da Silva", null).keys())
                .isNotEqualTo(Features.of("Maria da Silva", "city").keys());
    }

    @Test
    void wordOrderMattersThroughPairsOfWords() {
        assertThat(Features.of("não quero mudar", null).keys())
                .isNotEqualTo(Features.of("quero não mudar", null).keys());
    }

    @Test
    void keysAreDistinctAndAscendingAndTheVectorHasUnitLength() {
        Features.Vector vector = Features.of("oi oi, tudo bem? quero atualizar meu cadastro", null);
        long[] keys = vector.keys();
        for (int i = 1; i < keys.length; i++) {
            assertThat(keys[i]).isGreaterThan(keys[i - 1]);
        }
        double norm = 0;
        for (float value : vector.values()) {
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void anEmptyMessageStillHasTheLengthAndBoundaryFeatures() {
        assertThat(Features.of("", null).size()).isPositive();
        assertThat(Features.of("  ?! ", null).size()).isPositive();
    }
}
