package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTests {

    @Test
    void theTagOfAVersionIsTheQuotedNumber() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchWithATagOfOursNamesItsVersion() {
        assertThat(EntityTags.version("\"3\"")).hasValue(3);
        assertThat(EntityTags.version(" \"12\" ")).hasValue(12);
    }

    @Test
    void weakTagsListsAndForeignTagsNameNoVersion() {
        assertThat(EntityTags.version("W/\"3\"")).isEmpty();
        assertThat(EntityTags.version("\"3\", \"4\"")).isEmpty();
        assertThat(EntityTags.version("3")).isEmpty();
        assertThat(EntityTags.version("\"abc\"")).isEmpty();
        assertThat(EntityTags.version("\"99999999999999999999\"")).isEmpty();
    }

    @Test
    void theWildcardIsRecognised() {
        assertThat(EntityTags.isWildcard(" * ")).isTrue();
        assertThat(EntityTags.isWildcard("\"*\"")).isFalse();
    }
}
