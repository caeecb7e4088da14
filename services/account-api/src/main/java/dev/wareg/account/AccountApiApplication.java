package dev.wareg.account;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;

/**
 * account-api: the system of record for registration data, and the only place PII is stored.
 * <p>
 * Its settings live in {@code account-api.properties}, not {@code application.properties}, because this jar is
 * also a library of app/standalone, which imports this class and brings its own {@code application.properties}
 * and DataSource; two files of the same name on one classpath would shadow each other.
 *
 * <p>Redis is excluded here and brought back by the messaging module only where the person keys are kept there
 * ({@code wareg.messaging.person-keys=redis}), so a run without it needs no Redis and reports no Redis health.
 */
@SpringBootApplication(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
public class AccountApiApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(AccountApiApplication.class)
                .properties("spring.config.name=account-api")
                .run(args);
    }
}
