package dev.wareg.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** update-worker on its own. Its settings are in {@code update-worker.properties}. */
@SpringBootApplication
public class UpdateWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(UpdateWorkerApplication.class)
                .properties("spring.config.name=update-worker")
                .run(args);
    }
}
