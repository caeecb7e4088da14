package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.RulesInterpreter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link BlendedInterpreter} over the rules, with the model and calibration the build shipped in the jar. The
 * application does not start without them. The rules are asked for by their own type: every interpreter, this one
 * included, is an {@code Interpreter}, and the chat's primary one is built on top of this.
 */
@Configuration(proxyBeanMethods = false)
class IntentModelConfiguration {

    @Bean
    BlendedInterpreter blendedInterpreter(RulesInterpreter rules) {
        return BlendedInterpreter.fromClasspath(rules);
    }
}
