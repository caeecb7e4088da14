package dev.wareg.standalone;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
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
        properties = {
                // Every test signs in from 127.0.0.1, the conversation suite as over a hundred numbers: more than
                // the web chat lets one client address ask codes for in a window (10 per 15 minutes).
                "wareg.web-chat.codes.per-client=1000000"})
public @interface StandaloneTest {

    abstract class Base {

        /**
         * The key of client {@code tests}, which account-api knows beside the chat and the worker
         * ({@link #trustTheTestClients}), so tests can read and write accounts with tokens of their own; and of client
         * {@code privacy-desk}, which may read and erase.
         */
        static final ECKey TESTS = ServiceKeys.generate();
        static final ECKey PRIVACY_DESK = ServiceKeys.generate();

        /** Makes {@code tests} (reading, writing) and {@code privacy-desk} (reading, erasing) account-api's clients. */
        static void trustTheTestClients(DynamicPropertyRegistry registry) {
            registry.add("wareg.account-api.clients.tests.public-key", () -> ServiceKeys.publicPem(TESTS));
            registry.add("wareg.account-api.clients.tests.scopes", () -> "accounts:read,accounts:write");
            registry.add("wareg.account-api.clients.privacy-desk.public-key",
                    () -> ServiceKeys.publicPem(PRIVACY_DESK));
            registry.add("wareg.account-api.clients.privacy-desk.scopes", () -> "accounts:read,accounts:erase");
        }

        protected static final int PORT = FreePorts.next();

        @DynamicPropertySource
        static void port(DynamicPropertyRegistry registry) {
            registry.add("server.port", () -> PORT);
            trustTheTestClients(registry);
        }

        /** A token of client {@code tests}, allowed to read accounts. */
        static String readerToken() {
            return new ServiceTokens("tests", List.of("accounts:read"), TESTS,
                    new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC()).authorization();
        }

        /** A token of client {@code tests}, allowed to register and change accounts. */
        static String writerToken() {
            return new ServiceTokens("tests", List.of("accounts:write"), TESTS,
                    new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC()).authorization();
        }

        protected static String baseUrl() {
            return "http://127.0.0.1:" + PORT;
        }
    }
}
