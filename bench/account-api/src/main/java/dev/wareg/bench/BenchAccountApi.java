package dev.wareg.bench;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.account.AccountApiApplication;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * account-api as the load benchmark runs it ({@code bench/account-api/run.sh}): the real service, with its own
 * settings file, security and Flyway migrations, on a database of its own ({@code bench}, created if missing),
 * plus {@code GET /ping}, the bare Spring MVC baseline served by the same JVM and Tomcat.
 * <p>
 * Settings come from {@code account-api.properties} and then {@code bench-account-api.properties}, which wins
 * (port 8090, the {@code bench} database). Every start makes up a new key pair for the load generator's client
 * {@code bench}, whose public half account-api knows, so tokens from an earlier run never work; the load generator
 * reads the current token from {@link TokenFile}.
 */
@SpringBootApplication
@Import(AccountApiApplication.class)
@EnableConfigurationProperties(BenchProperties.class)
@EnableScheduling
public class BenchAccountApi {

    static final String CLIENT_ID = "bench";
    private static final ECKey KEY = ServiceKeys.generate();

    public static void main(String[] args) {
        new SpringApplicationBuilder(BenchAccountApi.class)
                .properties("spring.config.name=account-api,bench-account-api",
                        "wareg.account-api.clients." + CLIENT_ID + ".public-key=" + ServiceKeys.publicPem(KEY),
                        "wareg.account-api.clients." + CLIENT_ID + ".scopes=accounts:read,accounts:write")
                .listeners(new BenchDatabase())
                .run(args);
    }

    /** The tokens of the load generator, a client allowed to read and change accounts, like update-worker. */
    @Bean
    ServiceTokens benchTokens(ServiceAuthProperties auth, Clock clock) {
        return new ServiceTokens(CLIENT_ID, List.of("accounts:read", "accounts:write"), KEY, auth, clock);
    }
}
