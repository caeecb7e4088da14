package dev.wareg.systemtests;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import java.time.Clock;
import java.util.List;

/**
 * The system tests as a client of account-api, {@code system-tests}: a key pair made per run, whose public half
 * account-api is given with the scopes to read and write accounts, as an operator would for a tool of theirs.
 */
final class SystemTestsClient {

    private static final ECKey KEY = ServiceKeys.generate();
    private static final String CLIENT = "wareg.account-api.clients.system-tests";

    private SystemTestsClient() {
    }

    /** The Spring arguments that make account-api (or the embedded default) know this client. */
    static List<String> accountApiArguments() {
        String publicKey = ServiceKeys.publicPem(KEY).lines().filter(line -> !line.startsWith("-----"))
                .reduce("", String::concat);
        return List.of("--" + CLIENT + ".public-key=" + publicKey, "--" + CLIENT + ".scopes=accounts:read,accounts:write");
    }

    /** The same, as {@code EXTRA_ACCOUNT_API_ARGS} of {@code deploy/local/run.sh}. */
    static String extraAccountApiArgs() {
        return String.join(" ", accountApiArguments());
    }

    static ServiceTokens tokens() {
        return new ServiceTokens("system-tests", List.of("accounts:read", "accounts:write"), KEY,
                new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC());
    }
}
