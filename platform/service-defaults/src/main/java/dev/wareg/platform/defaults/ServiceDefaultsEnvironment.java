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
 * health paths, problem responses and API docs locations and can still override any of them. With the profile
 * {@value #DEV_PROFILE} active, {@code service-defaults-dev.properties} goes just in front of it: the development
 * tools (API docs, Swagger UI) that are off otherwise.
 * <p>
 * Runs after Boot's {@code ConfigDataEnvironmentPostProcessor} (this one has the lowest precedence), so the profiles
 * activated anywhere, {@code spring.profiles.active} in a properties file included, are known here.
 */
class ServiceDefaultsEnvironment implements EnvironmentPostProcessor {

    static final String DEV_PROFILE = "dev";
    private static final String DEFAULTS = "serviceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(source(DEFAULTS, "service-defaults.properties"));
        if (environment.matchesProfiles(DEV_PROFILE)) {
            environment.getPropertySources().addBefore(DEFAULTS,
                    source(DEFAULTS + "Dev", "service-defaults-dev.properties"));
        }
    }

    private static ResourcePropertySource source(String name, String file) {
        try {
            return new ResourcePropertySource(name, new ClassPathResource(file, ServiceDefaultsEnvironment.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
