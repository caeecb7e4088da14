package dev.wareg.account.accounts;

import dev.wareg.platform.defaults.RequestBodyLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsConfiguration.AccountsProperties.class)
class AccountsConfiguration {

    /**
     * @param maxRequestBodySize larger bodies are refused with 413 before they are parsed
     * @param mobileOnly         refuse landlines as an account's phone (every account is a WhatsApp number)
     */
    @ConfigurationProperties("wareg.accounts")
    record AccountsProperties(@DefaultValue("64KB") DataSize maxRequestBodySize,
                              @DefaultValue("false") boolean mobileOnly) {
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> accountsRequestBodyLimit(AccountsProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxRequestBodySize().toBytes(), json));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
