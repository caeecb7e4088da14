package dev.wareg.whatsappweb;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The WhatsApp Web channel on its own, for the distributed mode: the Java end of the Baileys sidecar in front of a
 * chat-service that runs elsewhere, reached through the bus. Its settings are in {@code whatsapp-web.properties}.
 * <p>
 * Redis is excluded here and brought back by {@link RedisMessageIdsConfiguration} only when the message ids are
 * kept there, so the in-memory default needs no Redis and reports no Redis health.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
@Import(WhatsAppWebConfiguration.class)
public class WhatsAppWebApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WhatsAppWebApplication.class)
                .properties("spring.config.name=whatsapp-web")
                .run(args);
    }
}
