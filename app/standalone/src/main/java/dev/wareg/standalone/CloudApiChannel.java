package dev.wareg.standalone;

import dev.wareg.cloudapi.CloudApiConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The WhatsApp Cloud API channel at {@code /webhook}, in the embedded default too, once it has an app secret
 * ({@code WHATSAPP_APP_SECRET}): then it also needs {@code WHATSAPP_ACCESS_TOKEN} and {@code
 * WHATSAPP_PHONE_NUMBER_ID}, and {@code WHATSAPP_GRAPH_BASE_URL} may point it at a fake Graph API for a demo. Without
 * the secret the embedded default is the web chat alone.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(CloudApiChannel.AppSecretSet.class)
@Import(CloudApiConfiguration.class)
class CloudApiChannel {

    static final String APP_SECRET = "wareg.cloud-api.app-secret";

    // Not @ConditionalOnProperty: application.properties maps the variable with an empty default, and an empty
    // value would count as set.
    static class AppSecretSet extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(APP_SECRET))
                    ? ConditionOutcome.match(APP_SECRET + " is set")
                    : ConditionOutcome.noMatch(APP_SECRET + " is empty: no WhatsApp Cloud API channel");
        }
    }
}
