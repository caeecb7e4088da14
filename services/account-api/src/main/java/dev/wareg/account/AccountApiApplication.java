package dev.wareg.account;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * account-api: the system of record for registration data, and the only place PII is stored.
 * <p>
 * Its settings live in {@code account-api.properties}, not {@code application.properties}, because this jar is
 * also a library of app/standalone, which imports this class and brings its own {@code application.properties}
 * and DataSource; two files of the same name on one classpath would shadow each other.
 */
@SpringBootApplication
public class AccountApiApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(AccountApiApplication.class)
                .properties("spring.config.name=account-api")
                .run(args);
    }
}
