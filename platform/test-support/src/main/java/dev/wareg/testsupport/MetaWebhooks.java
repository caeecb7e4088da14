package dev.wareg.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries as Meta sends them to the Cloud API channel: the body's envelope, and its signature. */
public final class MetaWebhooks {

    /** The business number's id in the deliveries' metadata. */
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetaWebhooks() {
    }

    /** A delivery of one change whose {@code value} has these members (messages, statuses, ...) besides Meta's own. */
    public static byte[] delivery(Map<String, Object> members) {
        var value = new LinkedHashMap<String, Object>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550000000", "phone_number_id", PHONE_NUMBER_ID));
        value.putAll(members);
        return JSON.writeValueAsBytes(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                "id", "102290129340398", "changes", List.of(Map.of("field", "messages", "value", value))))));
    }

    /** The {@code X-Hub-Signature-256} header Meta sends with this body: the hex HMAC-SHA256 with the app secret. */
    public static String signature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
