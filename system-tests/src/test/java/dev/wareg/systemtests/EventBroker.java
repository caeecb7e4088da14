package dev.wareg.systemtests;

import java.nio.file.Path;
import java.util.Map;

/**
 * The broker a deployment's events go through, as the fault run sees it: the settings that point the services at it,
 * and an outage (stop, then start again with what it had accepted).
 */
interface EventBroker {

    /** The machine's RabbitMQ, which {@code deploy/local/run.sh} uses by default. */
    EventBroker RABBITMQ = new EventBroker() {
        @Override
        public Map<String, String> environment() {
            return Map.of("MESSAGING_BUS", "rabbitmq");
        }

        @Override
        public void stop() {
            LocalDeployment.command(Path.of("."), Map.of(), 60, "rabbitmqctl", "stop_app");
        }

        @Override
        public void start() {
            LocalDeployment.command(Path.of("."), Map.of(), 60, "rabbitmqctl", "start_app");
        }

        @Override
        public String toString() {
            return "RabbitMQ";
        }
    };

    /** For {@code deploy/local/run.sh}: the bus and how to reach the broker. */
    Map<String, String> environment();

    void stop();

    void start();
}
