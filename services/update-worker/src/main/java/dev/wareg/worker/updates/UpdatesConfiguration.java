package dev.wareg.worker.updates;

import dev.wareg.platform.messaging.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class UpdatesConfiguration {

    @Bean
    UpdateMetrics updateMetrics(MeterRegistry meters) {
        return new UpdateMetrics(meters);
    }

    @Bean
    RegistrationUpdates registrationUpdates(EventBus bus, AccountApiWriter accounts, WorkerProperties properties,
                                            Clock clock, UpdateMetrics metrics) {
        return new RegistrationUpdates(bus, accounts, properties.worker().retry(), UpdatesConfiguration::sleep,
                UpdatesConfiguration::fullJitter, clock, metrics);
    }

    @Bean
    AccountErasures accountErasures(EventBus bus, AccountApiWriter accounts, WorkerProperties properties,
                                    Clock clock, UpdateMetrics metrics) {
        return new AccountErasures(bus, accounts, properties.worker().retry(), UpdatesConfiguration::sleep,
                UpdatesConfiguration::fullJitter, clock, metrics);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    private static long fullJitter(long ceiling) {
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
