package dev.wareg.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code service-defaults.properties} behind every other property source, so each service gets the same
 * health paths, problem responses and API docs locations and can still override any of them.
 */
class ServiceDefaultsEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("serviceDefaults",
                    new ClassPathResource("service-defaults.properties", ServiceDefaultsEnvironment.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
