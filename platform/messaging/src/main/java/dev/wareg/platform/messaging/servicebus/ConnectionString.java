package dev.wareg.platform.messaging.servicebus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An Azure Service Bus connection string with a shared access signature (SAS) key, as the portal and
 * {@code az servicebus namespace authorization-rule keys list} print it:
 * {@code Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<rule>;SharedAccessKey=<key>}, maybe
 * with {@code EntityPath=<entity>} (a key scoped to one entity, which this bus cannot use: it needs several) or
 * {@code UseDevelopmentEmulator=true} (Microsoft's emulator: plain AMQP on port 5672, no TLS).
 *
 * <p>Parsed here rather than by the client so that a malformed string fails when the service starts, with a
 * message that never repeats the key.
 *
 * @param host    the namespace's host, e.g. {@code wareg.servicebus.windows.net} or {@code localhost}
 * @param port    the endpoint's port, or -1 when the string names none
 * @param keyName the SAS rule's name
 * @param key     the SAS key: a secret, left out of {@link #toString()}
 */
public record ConnectionString(String host, int port, String keyName, String key, boolean developmentEmulator) {

    /** AMQP 1.0 over TLS, the only way into a real namespace. */
    static final int AMQPS_PORT = 5671;
    /** The emulator listens without TLS. */
    static final int AMQP_PORT = 5672;

    public static ConnectionString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the Service Bus connection string is empty");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.trim().split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                // Not quoted: the part could be a key pasted without its name.
                throw new IllegalArgumentException("the Service Bus connection string has a part that is not name=value");
            }
            parts.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
        }
        if (parts.containsKey("entitypath")) {
            throw new IllegalArgumentException("the Service Bus connection string is scoped to one entity (EntityPath);"
                    + " the bus needs a namespace-level rule with Send and Listen (and Manage on Premium, to create"
                    + " subscriptions)");
        }
        String endpoint = require(parts, "endpoint");
        if (!endpoint.startsWith("sb://")) {
            throw new IllegalArgumentException("the Service Bus endpoint must start with sb://");
        }
        String authority = endpoint.substring("sb://".length());
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the Service Bus endpoint's port is not a number");
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("the Service Bus endpoint names no host");
        }
        boolean emulator = Boolean.parseBoolean(parts.getOrDefault("usedevelopmentemulator", "false"));
        return new ConnectionString(host, port, require(parts, "sharedaccesskeyname"), require(parts, "sharedaccesskey"),
                emulator);
    }

    private static String require(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the Service Bus connection string has no " + name);
        }
        return value;
    }

    /** Where the AMQP connection goes: TLS on 5671 for a namespace, plain 5672 for the emulator. */
    String amqpUri() {
        if (developmentEmulator) {
            return "amqp://" + host + ":" + (port > 0 ? port : AMQP_PORT);
        }
        return "amqps://" + host + ":" + (port > 0 ? port : AMQPS_PORT);
    }

    @Override
    public String toString() {
        return "ConnectionString[host=" + host + ", keyName=" + keyName + ", key=(hidden), developmentEmulator="
                + developmentEmulator + "]";
    }
}
