package dev.wareg.standalone;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.platform.defaults.ServiceKeys;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the embedded default, account-api, the chat and the worker share one JVM, so they need no configured key: each
 * client gets a key pair made at each start and never written anywhere. The chat and the worker sign with their
 * private halves; account-api knows their public halves and gives each the scopes it calls with, as a deployment
 * configures them ({@code wareg.account-api.clients.*}). A client whose key is set explicitly
 * ({@code wareg.chat.client-key}, {@code wareg.worker.client-key}) is left alone, with its account-api entry; more
 * clients (a tool calling the API from outside) are added with {@code wareg.account-api.clients.<id>.*}.
 */
class InternalClientKeys implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        add(environment, properties, "wareg.chat", "chat-service", "accounts:read,accounts:link");
        add(environment, properties, "wareg.worker", "update-worker",
                "accounts:read,accounts:write,accounts:erase");
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("internalClientKeys", properties));
        }
    }

    private static void add(ConfigurableEnvironment environment, Map<String, Object> properties, String prefix,
                            String defaultClientId, String scopes) {
        if (environment.containsProperty(prefix + ".client-key")) {
            return;
        }
        ECKey key = ServiceKeys.generate();
        String client = "wareg.account-api.clients."
                + environment.getProperty(prefix + ".client-id", defaultClientId);
        properties.put(prefix + ".client-key", ServiceKeys.privatePem(key));
        properties.put(client + ".public-key", ServiceKeys.publicPem(key));
        properties.put(client + ".scopes", scopes);
    }
}
