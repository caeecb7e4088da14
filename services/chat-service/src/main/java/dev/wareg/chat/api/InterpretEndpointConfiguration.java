package dev.wareg.chat.api;

import dev.wareg.platform.defaults.RequestBodyLimit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What stands in front of {@code POST /api/interpret} when it is on: first who may call it
 * ({@link InterpretEndpointAccess}), then the body's size ({@link RequestBodyLimit}, 413 before the body is read), so
 * a refused caller's body is never read at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(InterpretEndpointConfiguration.ENABLED)
@EnableConfigurationProperties(InterpretEndpointProperties.class)
class InterpretEndpointConfiguration {

    static final String ENABLED = "wareg.chat.interpret-endpoint.enabled";
    static final String PATH = "/api/interpret";

    @Bean
    FilterRegistrationBean<InterpretEndpointAccess> interpretEndpointAccess(InterpretEndpointProperties properties,
                                                                            JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new InterpretEndpointAccess(properties.token(), json));
        registration.addUrlPatterns(PATH);
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> interpretEndpointRequestBodyLimit(InterpretEndpointProperties properties,
                                                                               JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxBodySize().toBytes(), json));
        registration.addUrlPatterns(PATH);
        registration.setOrder(1);
        return registration;
    }
}
