package dev.wareg.chat;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** chat-service on its own. Its settings are in {@code chat-service.properties}. */
@SpringBootApplication
public class ChatServiceApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ChatServiceApplication.class)
                .properties("spring.config.name=chat-service")
                .run(args);
    }
}
