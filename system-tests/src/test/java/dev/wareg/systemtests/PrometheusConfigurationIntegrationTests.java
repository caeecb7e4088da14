package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.systemtests.ObservabilityQueries.Query;
import dev.wareg.systemtests.Tool.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose Prometheus as promtool reads it (Debian's prometheus package, which {@code .ci/run} installs): the
 * configuration and its alert rules are valid, the alerts fire as {@code alerts.test.yml} specifies, and every
 * query of the Grafana dashboards is valid PromQL. Which metrics those queries find is MetricsIntegrationTests'.
 */
class PrometheusConfigurationIntegrationTests {

    private static final Path PROMETHEUS = ObservabilityQueries.directory().resolve("prometheus");

    @Test
    void theConfigurationAndItsAlertRulesAreValid() throws Exception {
        Result config = promtool().run(PROMETHEUS, "check", "config", "prometheus.yml");
        assertThat(config.exitValue()).as(config.output()).isZero();
        assertThat(config.output()).contains("SUCCESS: 1 rule files found");

        Result rules = promtool().run(PROMETHEUS, "check", "rules", "alerts.yml");
        assertThat(rules.exitValue()).as(rules.output()).isZero();
    }

    @Test
    void theAlertsFireAsSpecified() throws Exception {
        Result test = promtool().run(PROMETHEUS, "test", "rules", "alerts.test.yml");
        assertThat(test.exitValue()).as(test.output()).isZero();
    }

    /**
     * promtool checks expressions only in rule files, so each dashboard query becomes a recording rule, with
     * Grafana's variables replaced by what Grafana would put there.
     */
    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path directory) throws Exception {
        List<Query> queries = ObservabilityQueries.dashboards();
        var rules = new ArrayList<Map<String, String>>();
        for (int i = 0; i < queries.size(); i++) {
            String expression = queries.get(i).expression()
                    .replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h")
                    .replaceAll("\\$[A-Za-z_]\\w*", ".*");
            rules.add(Map.of("record", "dashboard:query_" + i, "expr", expression));
        }
        // JSON is YAML too.
        Files.writeString(directory.resolve("dashboards.yml"), JsonMapper.builder().build().writeValueAsString(
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        Result check = promtool().run(directory, "check", "rules", "dashboards.yml");
        assertThat(check.exitValue()).as("%s\n(query_<n> is the n-th of %s)", check.output(),
                queries.stream().map(Query::where).toList()).isZero();
    }

    private static Tool promtool() {
        return Tool.required("promtool", "prometheus");
    }
}
