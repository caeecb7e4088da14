package dev.wareg.platform.defaults;

import io.micrometer.observation.ObservationFilter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The defaults every service gets by depending on this module. Properties: {@link ServiceDefaultsEnvironment}. */
@AutoConfiguration
@Import(ProblemResponses.class)
@EnableConfigurationProperties(ServiceAuthProperties.class)
public class ServiceDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator(Clock clock) {
        return new TimeOrderedIds(clock);
    }

    /** Every span exporter Boot configures (OTLP) sends spans without failures' messages. */
    @Bean
    static BeanPostProcessor errorDetailsDropped() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SpanExporter exporter && !(bean instanceof ErrorDetailsDropped)
                        ? new ErrorDetailsDropped(exporter) : bean;
            }
        };
    }

    /** Boot applies every {@link ObservationFilter} bean to its observation registry (HTTP server and clients). */
    @Bean
    ObservationFilter urlTemplatesOnly() {
        return new UrlTemplatesOnly();
    }

    /**
     * Early, before Spring Security's chains (which then leave the headers as they are) and before the request body
     * limits, so that their refusals carry the headers too; later filters may set a page's own policy.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<SecurityHeaders> securityHeaders(Environment environment) {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders(List.of(
                environment.getProperty("springdoc.swagger-ui.path", "/swagger"), "/swagger-ui")));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** After the security headers, which its 404 carries too. Boot's JSON mapper where there is one. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ErrorPathNotFound> errorPathNotFound(Environment environment,
                                                                ObjectProvider<JsonMapper> json) {
        String errorPath = environment.getProperty("server.error.path", "/error");
        var registration = new FilterRegistrationBean<>(new ErrorPathNotFound(errorPath,
                json.getIfAvailable(() -> JsonMapper.builder().build())));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
