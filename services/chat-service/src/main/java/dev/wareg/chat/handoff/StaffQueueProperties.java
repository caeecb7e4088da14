package dev.wareg.chat.handoff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import dev.wareg.platform.defaults.TrustedClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff queue, where the deployment is staffed ({@code wareg.chat.handoff.staffed}).
 *
 * @param maxAge        how long a request may wait: older entries, waiting or claimed, are dropped (the waiting ones
 *                      counted as expired), so the queue, and the phone numbers in it, stay bounded
 * @param tokenAudience the {@code aud} that staff tokens for {@code /api/handoffs} must carry; a different one from
 *                      account-api's, so a token for one is refused by the other
 * @param clients       the staff tools allowed in ({@code wareg.chat.staff-queue.clients.<tool>.public-key},
 *                      {@code .scopes}: {@code handoffs:read}, {@code handoffs:write}), each signing its tokens with
 *                      its own EC P-256 key; none by default
 */
@Validated
@ConfigurationProperties("wareg.chat.staff-queue")
record StaffQueueProperties(
        @DefaultValue("24h") @NotNull Duration maxAge,
        @DefaultValue("chat-service") @NotBlank String tokenAudience,
        @DefaultValue Map<String, TrustedClient> clients) {

    static final String CLIENTS = "wareg.chat.staff-queue.clients";
}
