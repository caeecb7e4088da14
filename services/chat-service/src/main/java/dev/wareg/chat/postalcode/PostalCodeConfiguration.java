package dev.wareg.chat.postalcode;

import dev.wareg.chat.conversation.PostalCodeLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The one {@link PostalCodeLookup}, chosen by {@code wareg.chat.postal-code.lookup}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostalCodeProperties.class)
class PostalCodeConfiguration {

    @Bean
    PostalCodeLookup postalCodeLookup(PostalCodeProperties properties, ObjectProvider<RestClient.Builder> restClients) {
        return switch (properties.lookup()) {
            case MEMORY -> new InMemoryPostalCodes();
            case VIACEP -> new ViaCepLookup(restClients.getIfAvailable(RestClient::builder), properties.baseUrl(),
                    properties.timeout());
        };
    }
}
