package dev.wareg.cloudapi;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Cloud API channel on its own, for the distributed mode: Meta's webhook in front of a chat-service that runs
 * elsewhere, reached through the bus. Its settings are in {@code cloud-api.properties}.
 * <p>
 * Redis is excluded here and brought back by {@link RedisMessageIdsConfiguration} only when the message ids
 * are kept there, so the in-memory default needs no Redis and reports no Redis health.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
@Import(CloudApiConfiguration.class)
public class CloudApiApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(CloudApiApplication.class)
                .properties("spring.config.name=cloud-api")
                .run(args);
    }
}
