package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.whatsappweb.SidecarAnswer.Failure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** How answers are classified and read, without a server. */
class SidecarClientTests {

    private final SidecarClient client = new SidecarClient(RestClient.builder(), new WhatsAppWebProperties("s",
            URI.create("http://127.0.0.1:9"), DataSize.ofMegabytes(1), WhatsAppWebProperties.Dedupe.MEMORY,
            Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofSeconds(1),
            new WhatsAppWebProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30))),
            JsonMapper.builder().build(), Clock.fixed(Instant.parse("2026-11-25T18:30:00Z"), ZoneOffset.UTC));

    @Test
    void statusesAreClassifiedByWhetherARetryCanHelp() {
        assertThat(Failure.ofStatus(429)).isEqualTo(Failure.RATE_LIMITED);
        assertThat(Failure.ofStatus(503)).isEqualTo(Failure.UNAVAILABLE);
        assertThat(Failure.ofStatus(500)).isEqualTo(Failure.UNAVAILABLE);
        assertThat(Failure.ofStatus(401)).isEqualTo(Failure.SIGNATURE_REFUSED);
        assertThat(Failure.ofStatus(400)).isEqualTo(Failure.REFUSED);
        assertThat(Failure.ofStatus(404)).isEqualTo(Failure.REFUSED);
        assertThat(Failure.RATE_LIMITED.retryable()).isTrue();
        assertThat(Failure.UNAVAILABLE.retryable()).isTrue();
        assertThat(Failure.UNREACHABLE.retryable()).isTrue();
        assertThat(Failure.SIGNATURE_REFUSED.retryable()).isFalse();
        assertThat(Failure.REFUSED.retryable()).isFalse();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        assertThat(client.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(client.retryAfter("Wed, 25 Nov 2026 18:30:12 GMT")).isEqualTo(Duration.ofSeconds(12));
        assertThat(client.retryAfter("Wed, 25 Nov 2026 18:29:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(client.retryAfter(null)).isNull();
        assertThat(client.retryAfter("soon")).isNull();
        assertThat(client.retryAfter("-1")).isNull();
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        var retry = new WhatsAppWebProperties.Retry(10, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(30));
        var outbound = new OutboundMessages(null, client, null, retry, duration -> { }, ceiling -> ceiling);

        assertThat(outbound.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(outbound.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(outbound.backoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(outbound.backoff(9)).isEqualTo(Duration.ofSeconds(8));
        var jittered = new OutboundMessages(null, client, null, retry, duration -> { }, ceiling -> ceiling / 2);
        assertThat(jittered.backoff(2)).isEqualTo(Duration.ofMillis(500));
    }
}
