package dev.wareg.account.accounts;

/**
 * Who asked for a change and on whose behalf, as the audit trail records it.
 *
 * @param actor         the client id from the bearer token
 * @param channel       the {@code X-Channel} header, or null
 * @param correlationId the {@code X-Correlation-Id} header, or null
 */
record Origin(String actor, String channel, String correlationId) {
}
