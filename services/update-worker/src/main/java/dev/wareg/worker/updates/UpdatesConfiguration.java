package dev.wareg.worker.updates;

import dev.wareg.platform.messaging.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class UpdatesConfiguration {

    @Bean
    RegistrationUpdates registrationUpdates(EventBus bus, AccountApiWriter accounts, WorkerProperties properties,
                                            Clock clock, MeterRegistry meters) {
        return new RegistrationUpdates(bus, accounts, properties.worker().retry(),
                duration -> Thread.sleep(duration), ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1),
                clock, new UpdateMetrics(meters));
    }
}
