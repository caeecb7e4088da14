package dev.wareg.standalone;

import dev.wareg.whatsappweb.WhatsAppWebConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The WhatsApp Web channel at {@code /whatsapp-web/messages}, in the embedded default too, once it shares a secret
 * with its Baileys sidecar ({@code WHATSAPP_WEB_SECRET}); {@code WHATSAPP_WEB_SIDECAR_URL} says where the sidecar
 * listens (default {@code http://127.0.0.1:3000}). Without the secret the embedded default has no such channel.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WhatsAppWebChannel.SecretSet.class)
@Import(WhatsAppWebConfiguration.class)
class WhatsAppWebChannel {

    static final String SECRET = "wareg.whatsapp-web.secret";

    // Not @ConditionalOnProperty: application.properties maps the variable with an empty default, and an empty
    // value would count as set.
    static class SecretSet extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(SECRET))
                    ? ConditionOutcome.match(SECRET + " is set")
                    : ConditionOutcome.noMatch(SECRET + " is empty: no WhatsApp Web channel");
        }
    }
}
