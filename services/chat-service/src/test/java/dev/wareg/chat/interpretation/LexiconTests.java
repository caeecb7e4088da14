package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lexicon files are well formed, and every entry is used: each word, phrase or key is in at least one test
 * utterance (the labelled corpus of {@code eval/corpus}, the user lines of the dialogue stories, and
 * {@code interpretation/lexicon-utterances.txt} for what they do not say), as the normaliser leaves it. An entry no
 * utterance has is either dead or untested; add an utterance that says it, or remove it.
 */
class LexiconTests {

    private static final Lexicon LEXICON = Lexicon.STANDARD;
    private static final Pattern JSON_TEXT = Pattern.compile("\"text\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STORY_USER = Pattern.compile("^\\s*-?\\s*user:\\s*\"?(.*?)\"?\\s*$");

    @Test
    void everyEntryIsSaidByATestUtterance() throws IOException {
        List<String> utterances = utterances();
        Set<String> tokens = new HashSet<>();
        List<String> texts = new ArrayList<>();
        for (String utterance : utterances) {
            String folded = Normaliser.fold(utterance);
            List<String> words = Normaliser.words(folded);
            tokens.addAll(Normaliser.tokens(folded));
            tokens.addAll(words);
            tokens.addAll(Words.of(words).canonical());
            texts.add(Words.of(words).text());
            texts.add(String.join(" ", Normaliser.tokens(folded)));
            texts.add(Normaliser.sameLength(utterance)); // what the name lead-ins are matched against
        }
        List<String> unused = new ArrayList<>();
        for (Lexicon.Entry entry : LEXICON.entries()) {
            if (!said(entry, tokens, texts, utterances)) {
                unused.add(entry.file() + " [" + entry.section() + "] " + entry.text());
            }
        }
        assertThat(unused).as("entries no test utterance says").isEmpty();
    }

    @Test
    void everySectionTheRulesReadIsThere() {
        assertThat(Vocabulary.KEYWORDS).contains("sim", "yes", "atualizar", "update", "email", "cpf");
        assertThat(Vocabulary.FIELD_WORDS).containsKeys("name", "email", "phone", "address", "number", "complement",
                "street", "district", "city", "cpf", "birthDate");
    }

    private static boolean said(Lexicon.Entry entry, Set<String> tokens, List<String> texts, List<String> utterances) {
        String text = entry.text();
        if (entry.file().equals("symbols")) {
            String emoji = text.substring(0, text.indexOf(" = "));
            return utterances.stream().anyMatch(utterance -> utterance.contains(emoji));
        }
        int equals = text.indexOf(" = ");
        String key = equals >= 0 ? text.substring(0, equals) : text;
        if (key.matches("[\\p{L}\\p{N}]+")) {
            return tokens.contains(key);
        }
        boolean endsInLetter = Character.isLetterOrDigit(key.charAt(key.length() - 1));
        Pattern phrase = Pattern.compile("\\b" + Phrases.regex(key) + (endsInLetter ? "\\b" : ""));
        return texts.stream().anyMatch(said -> phrase.matcher(said).find());
    }

    static List<String> utterances() throws IOException {
        Path root = Path.of("../..");
        List<String> utterances = new ArrayList<>();
        for (String corpus : List.of("eval/corpus/train.jsonl", "eval/corpus/dev.jsonl", "eval/corpus/handwritten-dev.jsonl",
                "eval/corpus/handwritten-dev-2.jsonl", "eval/corpus/handwritten-dev-3.jsonl",
                "eval/corpus/handwritten-dev-4.jsonl", "eval/corpus/handwritten-dev-5.jsonl",
                "eval/corpus/handwritten-dev-6.jsonl", "eval/corpus/handwritten-dev-7.jsonl",
                "eval/corpus/handwritten-dev-8.jsonl", "eval/corpus/handwritten-dev-9.jsonl",
                "eval/corpus/handwritten-dev-10.jsonl", "eval/corpus/handwritten-dev-11.jsonl",
                "eval/corpus/handwritten-dev-12.jsonl", "eval/corpus/handwritten-dev-13.jsonl",
                "eval/corpus/handwritten-dev-14.jsonl", "eval/corpus/handwritten-dev-15.jsonl",
                "eval/corpus/handwritten-dev-16.jsonl", "eval/corpus/handwritten-dev-17.jsonl",
                "eval/corpus/handwritten-dev-18.jsonl", "eval/corpus/handwritten-dev-19.jsonl",
                "eval/corpus/handwritten-dev-20.jsonl")) {
            for (String line : Files.readAllLines(root.resolve(corpus), StandardCharsets.UTF_8)) {
                Matcher text = JSON_TEXT.matcher(line);
                if (text.find()) {
                    utterances.add(text.group(1).replace("\\\"", "\""));
                }
            }
        }
        try (Stream<Path> stories = Files.list(Path.of("src/test/resources/stories"))) {
            for (Path story : stories.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(story, StandardCharsets.UTF_8)) {
                    Matcher user = STORY_USER.matcher(line);
                    if (user.matches()) {
                        utterances.add(user.group(1));
                    }
                }
            }
        }
        var examples = LexiconTests.class.getResourceAsStream("/interpretation/lexicon-utterances.txt");
        for (String line : new String(Objects.requireNonNull(examples).readAllBytes(), StandardCharsets.UTF_8)
                .split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                utterances.add(line.strip());
            }
        }
        return utterances;
    }
}
