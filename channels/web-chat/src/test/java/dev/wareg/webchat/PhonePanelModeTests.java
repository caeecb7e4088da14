package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo phone panel lets anyone who reaches the page sign in as any number: so only on loopback, unless told. */
class PhonePanelModeTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, WebChatConfiguration.PhonePanelMode.class)
            .withPropertyValues("wareg.web-chat.code-delivery=phone-panel");

    @Test
    void onLoopbackThePanelIsThere() {
        runner.withPropertyValues("server.address=127.0.0.1")
                .run(context -> assertThat(context).hasSingleBean(PhonePanel.class));
        runner.withPropertyValues("server.address=::1")
                .run(context -> assertThat(context).hasSingleBean(PhonePanel.class));
    }

    @Test
    void onEveryAddressTheWebChatRefusesToStartAndSaysWhatToDo() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("anyone reaching it could sign in as any number")
                .hasMessageContaining("listens on every address")
                .hasMessageContaining("wareg.web-chat.code-delivery=cloud-api"));
        runner.withPropertyValues("server.address=0.0.0.0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("0.0.0.0"));
    }

    @Test
    void aDemoPublishedOnLoopbackOnlyMaySayItListensOnTheNetwork() {
        runner.withPropertyValues("server.address=0.0.0.0", "wareg.web-chat.phone-panel-on-network=true")
                .run(context -> assertThat(context).hasSingleBean(PhonePanel.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebChatProperties.class)
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
