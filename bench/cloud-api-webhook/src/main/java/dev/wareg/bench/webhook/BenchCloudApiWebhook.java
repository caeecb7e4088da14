package dev.wareg.bench.webhook;

import dev.wareg.cloudapi.CloudApiConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Cloud API webhook as the load benchmark runs it ({@code bench/cloud-api-webhook/run.sh}): the real channel
 * ({@link CloudApiConfiguration}, {@code POST /webhook}) in its distributed configuration, message ids kept in Redis
 * and {@code MessageReceived} published to RabbitMQ with confirms, plus {@code POST /ping}, the bare baseline served
 * by the same JVM and Tomcat.
 * <p>
 * Like {@code CloudApiApplication}, it leaves Redis out of the auto-configuration; the channel brings it back
 * because the bench keeps message ids there ({@code wareg.cloud-api.dedupe=redis}). Settings come from
 * {@code cloud-api.properties} and then {@code bench-cloud-api-webhook.properties}, which wins (port 8091, the
 * bench's own RabbitMQ namespace and Redis database).
 */
@SpringBootApplication(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
@Import(CloudApiConfiguration.class)
public class BenchCloudApiWebhook {

    public static void main(String[] args) {
        new SpringApplicationBuilder(BenchCloudApiWebhook.class)
                .properties("spring.config.name=cloud-api,bench-cloud-api-webhook")
                .run(args);
    }
}
