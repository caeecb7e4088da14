package dev.wareg.chat.interpretation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cities as they are written, accents and all, from {@code interpretation/places.txt} ({@code Name/UF} a line): the
 * capitals, the most populous municipalities and those whose names people type without their accents ("goiania",
 * "sao jose dos campos"), 1,062 in all, written from memory by a helper and not checked against IBGE's list. A city
 * typed so is stored as the place is called; one not listed stays as typed. Knowing them also tells where a city
 * ends a run of address parts ("guama belem pa").
 */
final class PlaceNames {

    private static final String RESOURCE = "/interpretation/places.txt";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    /** The list read: folded name -> the name as written, and -> the states that have a city of that name. */
    private record Listed(Map<String, String> cities, Map<String, Set<String>> states, Set<String> firstWords) {
    }

    private static final Listed LISTED = read();

    private PlaceNames() {
    }

    /** "belem" -> "Belém"; a city not listed, as written. */
    static String city(String written) {
        return LISTED.cities().getOrDefault(key(written), written);
    }

    /** Whether this is a listed city, however its accents and hyphens are typed. */
    static boolean known(String written) {
        return LISTED.cities().containsKey(key(written));
    }

    /** Whether these folded words, single spaces between them, are a listed city: no folding, for the hot path. */
    static boolean knownWords(String foldedWords) {
        return LISTED.cities().containsKey(foldedWords);
    }

    /** Whether a listed city's name of several words starts with this folded word ("joao", "campina"). */
    static boolean opensAName(String foldedWord) {
        return LISTED.firstWords().contains(foldedWord);
    }

    /** Whether this is a listed city of that state ("belem", "PA"). */
    static boolean in(String written, String state) {
        return LISTED.states().getOrDefault(key(written), Set.of()).contains(state.toUpperCase(Locale.ROOT));
    }

    /** "Ji-Paraná", "ji parana", "Santa Bárbara d'Oeste", "santa barbara doeste": one key each pair. */
    private static String key(String name) {
        return SEPARATORS.matcher(Normaliser.fold(name)).replaceAll(" ").strip();
    }

    private static Listed read() {
        Map<String, String> cities = new HashMap<>();
        Map<String, Set<String>> states = new HashMap<>();
        try (InputStream in = PlaceNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int slash = line.lastIndexOf('/');
                if (slash > 0) {
                    String name = line.substring(0, slash).strip();
                    cities.putIfAbsent(key(name), name);
                    states.computeIfAbsent(key(name), any -> new HashSet<>()).add(line.substring(slash + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        states.replaceAll((name, ufs) -> Set.copyOf(ufs));
        Set<String> firstWords = new HashSet<>();
        cities.keySet().stream().filter(name -> name.indexOf(' ') > 0)
                .forEach(name -> firstWords.add(name.substring(0, name.indexOf(' '))));
        return new Listed(Map.copyOf(cities), Map.copyOf(states), Set.copyOf(firstWords));
    }
}
