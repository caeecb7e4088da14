package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.wareg.testsupport.PersonalData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The whole dialogue suite played with every logger of the project at TRACE: nothing the chat logs looks like a
 * phone number, e-mail address, CPF or CEP, or holds a value the stories' people typed or are registered with.
 * The services' logs in the distributed mode are searched likewise by system-tests' {@code LogPiiScanIntegrationTests}.
 */
class DialogueStoriesLogsTests {

    /** Step keys whose values are the bot's words or the test's directions, not what a person typed. */
    private static final Set<String> NOT_TYPED = Set.of("story", "bot", "says", "buttons", "worker", "wait",
            "no_request", "handoff", "silent", "user_long");

    @Test
    void theChatLogsNothingPersonalWhileEveryStoryPlays() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger project = context.getLogger("dev.wareg");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = project.getLevel();
        var appender = new ListAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        project.setLevel(Level.TRACE);
        Set<String> typed = new TreeSet<>();
        int stories = 0;
        try {
            for (var story : DialogueStoriesTests.storyFiles()
                    .flatMap(file -> DialogueStoriesTests.stories(file).stream()).toList()) {
                collectTyped(story, typed);
                DialogueStoriesTests.run(story);
                stories++;
            }
        } finally {
            root.detachAppender(appender);
            project.setLevel(before);
        }
        assertThat(stories).isGreaterThanOrEqualTo(80);
        assertThat(typed).as("what the people typed, searched for").contains("maria@exemplo.com.br", "529.982.247-25");

        var personal = PersonalData.patternsAnd(typed);
        var soft = new SoftAssertions();
        for (ILoggingEvent event : appender.list) {
            String line = event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            soft.assertThat(personal.findIn(line)).as(line).isEmpty();
        }
        soft.assertAll();
    }

    /** The values of a story a person typed or is known by: their lines, their account, the requested changes. */
    private static void collectTyped(Object node, Set<String> typed) {
        switch (node) {
            case Map<?, ?> map -> map.forEach((key, value) -> {
                if (!NOT_TYPED.contains(String.valueOf(key))) {
                    collectTyped(value, typed);
                }
            });
            case List<?> list -> list.forEach(value -> collectTyped(value, typed));
            case String text when text.length() >= 8 || text.matches(".*[\\d@].*") && text.length() >= 5 ->
                    typed.add(text);
            case null, default -> {
            }
        }
    }
}
