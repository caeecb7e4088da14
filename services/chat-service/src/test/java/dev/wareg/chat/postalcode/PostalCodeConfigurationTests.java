package dev.wareg.chat.postalcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.conversation.PostalCodeLookup;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PostalCodeConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(PostalCodeConfiguration.class);

    @Test
    void theDemoTableAnswersByDefault() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(PostalCodeLookup.class);
            assertThat(context.getBean(PostalCodeLookup.class)).isInstanceOf(InMemoryPostalCodes.class);
            assertThat(context.getBean(PostalCodeProperties.class)).isEqualTo(new PostalCodeProperties(
                    PostalCodeProperties.Lookup.MEMORY, URI.create("https://viacep.com.br"), Duration.ofSeconds(2)));
        });
    }

    @Test
    void viaCepAnswersWhenChosen() {
        contexts.withPropertyValues("wareg.chat.postal-code.lookup=viacep",
                        "wareg.chat.postal-code.base-url=http://127.0.0.1:9", "wareg.chat.postal-code.timeout=500ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(PostalCodeLookup.class);
                    assertThat(context.getBean(PostalCodeLookup.class)).isInstanceOf(ViaCepLookup.class);
                    assertThat(context.getBean(PostalCodeProperties.class).timeout()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void anUnknownLookupOrANonPositiveTimeoutStopsTheStart() {
        contexts.withPropertyValues("wareg.chat.postal-code.lookup=correios").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("wareg.chat.postal-code.lookup");
        });
        contexts.withPropertyValues("wareg.chat.postal-code.timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("wareg.chat.postal-code.timeout");
        });
    }
}
