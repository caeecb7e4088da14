package dev.wareg.platform.defaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives the virtual threads (requests and task executors run on them, {@code spring.threads.virtual.enabled}) more
 * carrier threads than the JDK's default of one per core, unless {@code jdk.virtualThreadScheduler.parallelism} is
 * set already.
 * <p>
 * A virtual thread that initialises a class ({@code <clinit>}) is pinned to its carrier while it waits for a lock.
 * Started from a jar ({@code java -jar}), class loading goes through one lock per nested jar: on a 2-core machine,
 * two requests initialising classes in the first seconds pinned both carriers waiting for that lock, while the
 * virtual thread holding it waited for a carrier, and the application hung for good (seen in the standalone restart
 * test). More carriers, mostly idle, make that need as many pinned threads at once.
 * <p>
 * The scheduler reads the property when the first virtual thread starts, which is after this runs in an application
 * started by {@code main}.
 */
class VirtualThreadCarriers implements EnvironmentPostProcessor {

    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    static final int MINIMUM = 16;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM,
                    String.valueOf(Math.max(MINIMUM, Runtime.getRuntime().availableProcessors())));
        }
    }
}
