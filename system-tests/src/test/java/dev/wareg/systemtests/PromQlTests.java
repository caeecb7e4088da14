package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.systemtests.PromQl.Matcher;
import dev.wareg.systemtests.PromQl.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTests {

    @Test
    void aSelectorIsItsMetricAndItsMatchers() {
        assertThat(PromQl.selectors("up{job=\"chat-service\", instance!~\"10[.].*\"} == 0")).containsExactly(
                new Selector("up", List.of(new Matcher("job", "=", "chat-service"),
                        new Matcher("instance", "!~", "10[.].*"))));
    }

    @Test
    void functionsAggregationsLabelListsRangesAndNumbersAreNotMetrics() {
        assertThat(PromQl.selectors("histogram_quantile(0.95, sum by (application, le) ("
                + "rate(http_server_requests_seconds_bucket{uri!~\"/health\"}[$__rate_interval]))) / 1e9 * 60"))
                .extracting(Selector::metric).containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.selectors("sum(rate(a_total[5m] offset 1h)) by (queue) / on (queue) group_left (x) b"))
                .extracting(Selector::metric).containsExactly("a_total", "b");
    }

    @Test
    void stringsAreNotMetricsAndBracesInsideValuesAreValues() {
        assertThat(PromQl.selectors("label_replace(rabbitmq_queue_messages_ready{queue!~\".+[.]dead-letters\"}, "
                + "\"subscriber\", \"$1\", \"queue\", \"[^.]+[.](.+)[.][0-9]+\")")).containsExactly(
                new Selector("rabbitmq_queue_messages_ready",
                        List.of(new Matcher("queue", "!~", ".+[.]dead-letters"))));
        assertThat(PromQl.selectors("sum(x_count{uri=\"/v1/accounts/{id}\", method=\"PATCH\"})")).containsExactly(
                new Selector("x_count", List.of(new Matcher("uri", "=", "/v1/accounts/{id}"),
                        new Matcher("method", "=", "PATCH"))));
    }

    @Test
    void grafanaVariablesAreNotMetrics() {
        assertThat(PromQl.selectors("sum(increase(c_total{application=~\"$application\"}[$__range])) + $constant"))
                .containsExactly(new Selector("c_total", List.of(new Matcher("application", "=~", "$application"))));
    }

    @Test
    void escapedQuotesStayInTheValue() {
        assertThat(PromQl.selectors("m{path=\"a\\\"b\\\\.c\"}").getFirst().matchers())
                .containsExactly(new Matcher("path", "=", "a\"b\\.c"));
    }
}
