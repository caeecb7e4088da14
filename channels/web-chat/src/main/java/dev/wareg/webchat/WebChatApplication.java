package dev.wareg.webchat;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The web chat on its own, for the distributed mode: the page and its API in front of a chat-service that runs
 * elsewhere, reached through the bus. Its settings are in {@code web-chat.properties}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebChatConfiguration.class)
public class WebChatApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WebChatApplication.class)
                .properties("spring.config.name=web-chat")
                .run(args);
    }
}
