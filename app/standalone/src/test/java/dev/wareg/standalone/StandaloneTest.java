package dev.wareg.standalone;

import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.testsupport.FreePorts;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.List;
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
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"wareg.service-auth.hmac-key=" + StandaloneTest.KEY,
                // Every test signs in from 127.0.0.1, the conversation suite as over a hundred numbers: more than
                // the web chat lets one client address ask codes for in a window (10 per 15 minutes).
                "wareg.web-chat.codes.per-client=1000000"})
public @interface StandaloneTest {

    /** A known key instead of the random one, so tests can read and write accounts with tokens of their own. */
    String KEY = "standalone-tests-key-0123456789abcdef012345";

    abstract class Base {

        protected static final int PORT = FreePorts.next();

        @DynamicPropertySource
        static void port(DynamicPropertyRegistry registry) {
            registry.add("server.port", () -> PORT);
        }

        /** A token of client {@code tests}, allowed to read accounts. */
        static String readerToken() {
            return new ServiceTokens("tests", List.of("accounts:read"),
                    new ServiceAuthProperties(KEY, "wareg", "account-api"), Clock.systemUTC()).authorization();
        }

        /** A token of client {@code tests}, allowed to register and change accounts. */
        static String writerToken() {
            return new ServiceTokens("tests", List.of("accounts:write"),
                    new ServiceAuthProperties(KEY, "wareg", "account-api"), Clock.systemUTC()).authorization();
        }

        protected static String baseUrl() {
            return "http://127.0.0.1:" + PORT;
        }
    }
}
