package dev.wareg.webchat;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web chat on its own, for the distributed mode: the page and its API in front of a chat-service that runs
 * elsewhere, reached through the bus. Its settings are in {@code web-chat.properties}.
 *
 * <p>Redis is excluded here and brought back by the messaging module only where the person keys are kept there
 * ({@code wareg.messaging.person-keys=redis}), so a run without it needs no Redis and reports no Redis health.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
@Import(WebChatConfiguration.class)
public class WebChatApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WebChatApplication.class)
                .properties("spring.config.name=web-chat")
                .run(args);
    }
}
