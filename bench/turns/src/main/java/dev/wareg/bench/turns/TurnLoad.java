package dev.wareg.bench.turns;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs scripted conversations against a running system at a fixed rate of turns and prints how long people waited
 * for their replies. The system must send its Cloud API replies to this load's fake Graph API:
 * {@code WHATSAPP_GRAPH_BASE_URL=http://127.0.0.1:<graph-port>}, with the same access token and app secret (see
 * {@code bench/turns/run.sh}, which starts both).
 *
 * <pre>
 * --target=http://127.0.0.1:8080  the system
 * --rate=200                      turns offered per second
 * --warmup=20s --duration=60s     not counted, then counted
 * --think=1s                      how long a person takes before their next message
 * --patience=30s                  how long a person waits for a reply before giving up
 * --graph-port=18090 --access-token=bench-access-token --app-secret=bench-app-secret
 * --distribution=FILE             the whole latency distribution (HdrHistogram's percentile output)
 * --label=TEXT                    a name for the run in the report
 * </pre>
 */
public final class TurnLoad {

    private static final Map<String, String> DEFAULTS = Map.of(
            "target", "http://127.0.0.1:8080", "rate", "200", "warmup", "20s", "duration", "60s", "think", "1s",
            "patience", "30s", "graph-port", "18090", "access-token", "bench-access-token",
            "app-secret", "bench-app-secret", "label", "turns");

    private TurnLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: TurnLoad --option=value ...; options and defaults: " + DEFAULTS);
                System.exit(arg.equals("--help") ? 0 : 2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        double rate = Double.parseDouble(options.get("rate"));
        var results = new Results();
        var out = System.out;
        try (var channel = new WebhookChannel(URI.create(options.get("target")), options.get("app-secret"))) {
            var loop = new OpenLoop(channel, results, duration(options.get("think")),
                    duration(options.get("patience")), out);
            try (var graph = GraphReceiver.start(Integer.parseInt(options.get("graph-port")),
                    options.get("access-token"), loop)) {
                out.printf("Offering %.0f turns/s to %s, replies at %s%n", rate, options.get("target"),
                        graph.baseUrl());
                loop.run(rate, duration(options.get("warmup")), duration(options.get("duration")));
            }
        }
        results.report(out, rate, options.get("label"));
        if (options.containsKey("distribution")) {
            try (var file = new PrintStream(new FileOutputStream(options.get("distribution")))) {
                results.distribution(file);
            } catch (IOException e) {
                System.err.println("could not write the distribution: " + e.getMessage());
            }
        }
    }

    /** "90s", "2m", "500ms" or an ISO-8601 duration. */
    static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
