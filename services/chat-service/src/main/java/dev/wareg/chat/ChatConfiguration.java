package dev.wareg.chat;

import dev.wareg.chat.conversation.CodesPerNumberProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChatProperties.class, CodesPerNumberProperties.class})
class ChatConfiguration {
}
