package dev.wareg.standalone;

import dev.wareg.account.AccountApiApplication;
import dev.wareg.chat.ChatServiceApplication;
import dev.wareg.webchat.WebChatConfiguration;
import dev.wareg.worker.UpdateWorkerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The embedded default: account-api, chat-service, update-worker and the web chat in one JVM, on embedded
 * PostgreSQL, which also keeps the events (the JDBC bus's outbox) and the conversations. The services talk
 * exactly as when deployed apart: events over the bus, and the worker and the chat call account-api over HTTP
 * (here, on loopback).
 */
@SpringBootApplication
@Import({AccountApiApplication.class, ChatServiceApplication.class, UpdateWorkerApplication.class,
        WebChatConfiguration.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
