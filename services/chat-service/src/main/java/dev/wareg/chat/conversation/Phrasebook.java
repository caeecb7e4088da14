package dev.wareg.chat.conversation;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Everything the bot says, from {@code dev/wareg/chat/messages*.properties} (always as {@link java.text.MessageFormat}, so {@code ''} is an apostrophe): Brazilian Portuguese in the base
 * bundle, English beside it. A language without a bundle gets Portuguese, never the server's locale.
 */
@Component
public class Phrasebook {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public Phrasebook() {
        messages.setBasename("dev/wareg/chat/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    public String say(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, language);
    }

    /** A label as it reads inside a sentence: lower case ("e-mail"), except acronyms ("CPF"). */
    public String inline(Locale language, String key) {
        String label = say(language, key);
        return label.equals(label.toUpperCase(language)) ? label : label.toLowerCase(language);
    }
}
