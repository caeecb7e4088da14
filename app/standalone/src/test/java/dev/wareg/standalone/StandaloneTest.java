package dev.wareg.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole embedded default on a free port, as {@code main} would. The port must be known before the
 * context starts because the worker and the chat call account-api at {@code http://127.0.0.1:${server.port}}.
 * Test classes extend {@link Base} to share one running application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
public @interface StandaloneTest {

    abstract class Base {

        protected static final int PORT = freePort();

        @DynamicPropertySource
        static void port(DynamicPropertyRegistry registry) {
            registry.add("server.port", () -> PORT);
        }

        protected static String baseUrl() {
            return "http://127.0.0.1:" + PORT;
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
