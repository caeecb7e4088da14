package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPostgresTests {

    @Test
    void theSchemaIsAddedAsTheFirstQueryParameterOfAUrlWithoutOne() {
        assertThat(TestPostgres.withCurrentSchema("jdbc:postgresql://db:5432/test", "t_1"))
                .isEqualTo("jdbc:postgresql://db:5432/test?currentSchema=t_1");
    }

    @Test
    void theSchemaIsAppendedToTheQueryParametersAlreadyThere() {
        assertThat(TestPostgres.withCurrentSchema("jdbc:postgresql://db:5432/test?sslmode=disable", "t_1"))
                .isEqualTo("jdbc:postgresql://db:5432/test?sslmode=disable&currentSchema=t_1");
    }
}
