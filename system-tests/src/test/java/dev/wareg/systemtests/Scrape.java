package dev.wareg.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of {@code /actuator/prometheus} (the Prometheus text format), read into its samples. */
record Scrape(String service, String text, List<Sample> samples) {

    /** {@code name{label="value",...} 1.0}, without its value. */
    record Sample(String name, Map<String, String> labels) {
    }

    static Scrape parse(String service, String exposition) {
        var samples = new ArrayList<Sample>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
                nameEnd++;
            }
            var labels = new LinkedHashMap<String, String>();
            if (nameEnd < line.length() && line.charAt(nameEnd) == '{') {
                readLabels(line, nameEnd + 1, labels);
            }
            samples.add(new Sample(line.substring(0, nameEnd), Map.copyOf(labels)));
        }
        return new Scrape(service, exposition, List.copyOf(samples));
    }

    /** Reads {@code a="x",b="y"}; values escape {@code \\}, {@code \"} and {@code \n}, and may hold braces. */
    private static void readLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (i < line.length() && line.charAt(i) != '}') {
            int equals = line.indexOf("=\"", i);
            String name = line.substring(i, equals);
            var value = new StringBuilder();
            int j = equals + 2;
            while (line.charAt(j) != '"') {
                if (line.charAt(j) == '\\') {
                    j++;
                    value.append(line.charAt(j) == 'n' ? '\n' : line.charAt(j));
                } else {
                    value.append(line.charAt(j));
                }
                j++;
            }
            labels.put(name, value.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
    }
}
