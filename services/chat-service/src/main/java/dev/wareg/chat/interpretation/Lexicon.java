package dev.wareg.chat.interpretation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The interpreter's vocabulary, read from plain resource files under {@code interpretation/}: one per language
 * ({@code pt-BR.lexicon}, {@code en.lexicon}) and one of symbols. A file is a list of sections; {@code [name]} starts
 * one, {@code #} starts a comment, and every other line is an entry: a word, a phrase (words with {@code {a|b}} for
 * "a or b" and {@code {a|}} for an optional "a"), or {@code key = value}. The rules read both languages at once, so a
 * section is the union of the files, except where a caller asks for one language.
 */
final class Lexicon {

    static final List<String> LANGUAGES = List.of("pt-BR", "en");
    private static final List<String> FILES = List.of("pt-BR", "en", "symbols");
    /** The one the rules use, read once. */
    static final Lexicon STANDARD = read();

    /** One line of a file, for the test that every entry is used. */
    record Entry(String file, String section, String text) {
    }

    private final List<Entry> entries;
    private final Map<String, Map<String, List<String>>> sectionsByFile;

    private Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.sectionsByFile = new HashMap<>();
        for (Entry entry : entries) {
            sectionsByFile.computeIfAbsent(entry.file(), file -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.section(), section -> new ArrayList<>()).add(entry.text());
        }
    }

    static Lexicon read() {
        List<Entry> entries = new ArrayList<>();
        for (String file : FILES) {
            String resource = "/interpretation/" + file + ".lexicon";
            try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String section = null;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (entry.isEmpty() || entry.startsWith("#")) {
                        continue;
                    }
                    if (entry.startsWith("[") && entry.endsWith("]")) {
                        section = entry.substring(1, entry.length() - 1);
                    } else if (section == null) {
                        throw new IllegalStateException(resource + ": an entry before any [section]: " + entry);
                    } else {
                        entries.add(new Entry(file, section, entry));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Lexicon(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entries of a section, in every file. */
    List<String> lines(String section) {
        List<String> lines = new ArrayList<>();
        for (String file : FILES) {
            lines.addAll(lines(file, section));
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no entries in [" + section + "]");
        }
        return lines;
    }

    List<String> lines(String file, String section) {
        return sectionsByFile.getOrDefault(file, Map.of()).getOrDefault(section, List.of());
    }

    /** A section of single words, in every language. */
    Set<String> words(String section) {
        return Set.copyOf(lines(section));
    }

    Set<String> words(String file, String section) {
        return Set.copyOf(lines(file, section));
    }

    /** A section of {@code key = value} lines. */
    Map<String, String> map(String section) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines(section)) {
            int equals = line.indexOf(" = ");
            if (equals < 0) {
                throw new IllegalStateException("[" + section + "] wants key = value: " + line);
            }
            map.putIfAbsent(line.substring(0, equals).strip(), line.substring(equals + 3).strip());
        }
        return Map.copyOf(map);
    }

    /** The phrases of a section as one regular expression, a group that matches any of them. */
    String phrases(String section) {
        List<String> alternatives = new ArrayList<>();
        for (String phrase : lines(section)) {
            alternatives.add(Phrases.regex(phrase));
        }
        // Longest first, so that "nao quero mais continuar" wins over "nao quero mais".
        alternatives.sort((a, b) -> b.length() - a.length());
        return "(?:" + String.join("|", alternatives) + ")";
    }

    /** {@link #phrases} as whole words anywhere in a text. */
    Pattern phrasesAnywhere(String section) {
        return Pattern.compile("\\b" + phrases(section) + "\\b");
    }

    /**
     * Words one of which is in every text a phrase of the section matches: of each phrase, its most telling required
     * part (the one whose alternatives' cues are longest, the shortest counting), and of each alternative of that part
     * its longest word ("uma cópia" has "copia": a text that says the alternative says every word of it). A cheap
     * check before the pattern, cheap only while the cues are words few messages have.
     */
    Set<String> cues(String section) {
        Set<String> cues = new TreeSet<>();
        for (String phrase : lines(section)) {
            List<String> best = null;
            int bestLength = -1;
            for (List<String> alternatives : Phrases.requiredParts(phrase)) {
                List<String> telling = alternatives.stream().map(Lexicon::longestWord).toList();
                int shortest = telling.stream().mapToInt(String::length).min().orElse(0);
                if (shortest > bestLength) {
                    best = telling;
                    bestLength = shortest;
                }
            }
            if (best == null) {
                throw new IllegalStateException("[" + section + "] a phrase of optional words only: " + phrase);
            }
            cues.addAll(best);
        }
        cues.remove("");
        return Set.copyOf(cues);
    }

    private static String longestWord(String alternative) {
        String longest = "";
        for (String word : alternative.split("[\\s{}|]+")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }

    /** Every word the phrases of a section can contain. */
    Set<String> phraseWords(String section) {
        Set<String> words = new TreeSet<>();
        for (String phrase : lines(section)) {
            for (String word : phrase.split("[\\s{}|]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }

    /** The sections of a file, in order. */
    Set<String> sections(String file) {
        return new LinkedHashSet<>(sectionsByFile.getOrDefault(file, Map.of()).keySet());
    }
}
