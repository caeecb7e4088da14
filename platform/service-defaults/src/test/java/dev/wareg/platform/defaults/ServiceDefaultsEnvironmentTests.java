package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The defaults every service gets: here, that the API docs are a development tool, off outside the profile dev. */
class ServiceDefaultsEnvironmentTests {

    private static StandardEnvironment environment(String... profiles) {
        var environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    private static StandardEnvironment processed(StandardEnvironment environment) {
        new ServiceDefaultsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withoutTheDevProfileNeitherTheApiDocsNorSwaggerUiAreServed() {
        for (var environment : new StandardEnvironment[] {processed(environment()), processed(environment("prod"))}) {
            assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/swagger");
        }
    }

    @Test
    void theDevProfileServesBothAtTheirUsualPaths() {
        var environment = processed(environment("local", "dev"));

        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/v3/api-docs");
        assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/swagger");
    }

    @Test
    void whatADeploymentSetsItselfStillWinsEitherWay() {
        var on = environment();
        on.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("springdoc.api-docs.enabled", "true")));
        var off = environment("dev");
        off.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("springdoc.swagger-ui.enabled", "false")));

        assertThat(processed(on).getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
        assertThat(processed(off).getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }
}
