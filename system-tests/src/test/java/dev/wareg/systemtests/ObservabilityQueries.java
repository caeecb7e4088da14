package dev.wareg.systemtests;

import static dev.wareg.systemtests.StrictYaml.list;
import static dev.wareg.systemtests.StrictYaml.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code deploy/observability} asks Prometheus: the query of every Grafana panel and dashboard variable, and
 * the expression of every alert rule, each with where it comes from.
 */
final class ObservabilityQueries {

    /** @param where the dashboard file and panel title, or the alert's name */
    record Query(String where, String expression) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Grafana's variable query label_values(<selector>, <label>): only the selector is PromQL.
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)",
            Pattern.DOTALL);

    private ObservabilityQueries() {
    }

    static Path directory() {
        return LocalDeployment.repositoryRoot().resolve("deploy/observability");
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(directory().resolve("grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of a dashboard, those inside rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        var panels = new ArrayList<JsonNode>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<Query> dashboards() {
        var queries = new ArrayList<Query>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(file.getFileName() + ": " + panel.path("title").asString(),
                            target.path("expr").asString()));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString())) {
                    JsonNode query = variable.path("query");
                    String text = query.isObject() ? query.path("query").asString() : query.asString();
                    Matcher labelValues = LABEL_VALUES.matcher(text);
                    queries.add(new Query(file.getFileName() + ": variable " + variable.path("name").asString(),
                            labelValues.matches() ? labelValues.group(1) : text));
                }
            }
        }
        return queries;
    }

    static List<Query> alerts() {
        var queries = new ArrayList<Query>();
        var rules = map(StrictYaml.documents(directory().resolve("prometheus/alerts.yml")).getFirst());
        for (Object group : list(rules.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                queries.add(new Query("alert " + map(rule).get("alert"), (String) map(rule).get("expr")));
            }
        }
        return queries;
    }

    static List<Query> all() {
        return Stream.concat(dashboards().stream(), alerts().stream()).toList();
    }
}
