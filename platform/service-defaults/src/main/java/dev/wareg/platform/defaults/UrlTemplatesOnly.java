package dev.wareg.platform.defaults;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.List;

/**
 * HTTP spans name the endpoint by its URI template ({@code /v1/accounts/{id}}), never by the address called:
 * addresses hold personal data (account-api's lookup {@code ?phone=+55…}, the web chat's
 * {@code /conversations/+55…/messages}, ViaCEP's {@code /ws/01001000/json/}). Spring records the address as a
 * high-cardinality value, which becomes a span attribute but never a metric label; this replaces it with the
 * template, which the metrics already carry as {@code uri}.
 */
final class UrlTemplatesOnly implements ObservationFilter {

    /** Spring's name ({@code http.url}) and OpenTelemetry's semantic-convention names for the address. */
    static final List<String> ADDRESS_KEYS = List.of("http.url", "url.full", "url.path", "url.query");
    static final String TEMPLATE_KEY = "uri";

    @Override
    public Observation.Context map(Observation.Context context) {
        KeyValue template = context.getLowCardinalityKeyValue(TEMPLATE_KEY);
        for (String key : ADDRESS_KEYS) {
            if (context.getHighCardinalityKeyValue(key) != null) {
                // "none" is Spring's own word for a request without a template.
                context.addHighCardinalityKeyValue(KeyValue.of(key, template == null ? "none" : template.getValue()));
            }
        }
        return context;
    }
}
