package dev.wareg.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;

/**
 * update-worker on its own. Its settings are in {@code update-worker.properties}.
 *
 * <p>Redis is excluded here and brought back by the messaging module only where the person keys are kept there
 * ({@code wareg.messaging.person-keys=redis}), so a run without it needs no Redis and reports no Redis health.
 */
@SpringBootApplication(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
public class UpdateWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(UpdateWorkerApplication.class)
                .properties("spring.config.name=update-worker")
                .run(args);
    }
}
