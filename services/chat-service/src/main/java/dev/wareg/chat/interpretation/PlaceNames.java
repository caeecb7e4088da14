package dev.wareg.chat.interpretation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Cities as they are written, accents and all, from {@code interpretation/places.txt} ({@code Name/UF} a line): the
 * municipalities whose names people type without their accents ("goiania", "sao jose dos campos"). A city typed
 * so is stored as the place is called; one not listed stays as typed.
 */
final class PlaceNames {

    private static final String RESOURCE = "/interpretation/places.txt";
    /** Folded name -> the name as written. */
    private static final Map<String, String> CITIES = read();

    private PlaceNames() {
    }

    /** "belem" -> "Belém"; a city not listed, as written. */
    static String city(String written) {
        return CITIES.getOrDefault(key(written), written);
    }

    /** Whether this is a listed city, however its accents and hyphens are typed. */
    static boolean known(String written) {
        return CITIES.containsKey(key(written));
    }

    /** "Ji-Paraná", "ji parana", "Santa Bárbara d'Oeste", "santa barbara doeste": one key each pair. */
    private static String key(String name) {
        return Normaliser.fold(name).replace('-', ' ').replaceAll("\\s+", " ").strip();
    }

    private static Map<String, String> read() {
        Map<String, String> cities = new HashMap<>();
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
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(cities);
    }
}
