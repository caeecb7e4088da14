package dev.wareg.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.Interpreter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/interpret} is there only when asked for, and then never without its access rule and body limit. */
class InterpretEndpointConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ChatProperties.class)
    @Import({InterpretController.class, InterpretEndpointConfiguration.class})
    static class Endpoint {

        @Bean
        Interpreter interpreter() {
            return (text, asked) -> {
                throw new UnsupportedOperationException("never called here");
            };
        }

        @Bean
        JsonMapper json() {
            return JsonMapper.builder().build();
        }
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Endpoint.class);

    @Test
    void itIsOffUnlessEnabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(InterpretController.class)
                    .doesNotHaveBean(InterpretEndpointProperties.class);
            assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
        });
        runner.withPropertyValues("wareg.chat.interpret-endpoint.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(InterpretController.class));
    }

    @Test
    void enabledItComesWithItsAccessRuleAndBodyLimitOfEightKibByDefault() {
        runner.withPropertyValues("wareg.chat.interpret-endpoint.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(InterpretController.class);
            assertThat(context.getBean(InterpretEndpointProperties.class).maxBodySize().toBytes()).isEqualTo(8192);
            assertThat(context.getBean(InterpretEndpointProperties.class).token()).isEmpty();
            assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                    .allSatisfy(registration -> assertThat(registration.getUrlPatterns())
                            .containsExactly(InterpretEndpointConfiguration.PATH))
                    .extracting(registration -> registration.getFilter().getClass().getSimpleName())
                    .containsExactlyInAnyOrder("InterpretEndpointAccess", "RequestBodyLimit");
        });
    }

    @Test
    void aTokenShorterThanSixteenCharactersStopsTheStartAndNeverShowsInTheConfiguration() {
        runner.withPropertyValues("wareg.chat.interpret-endpoint.enabled=true",
                "wareg.chat.interpret-endpoint.token=short").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("at least 16 characters"));
        runner.withPropertyValues("wareg.chat.interpret-endpoint.enabled=true",
                "wareg.chat.interpret-endpoint.token=0123456789abcdef0123").run(context ->
                assertThat(context.getBean(InterpretEndpointProperties.class).toString())
                        .doesNotContain("0123456789abcdef0123"));
    }
}
