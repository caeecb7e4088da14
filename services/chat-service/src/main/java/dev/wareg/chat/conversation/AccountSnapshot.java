package dev.wareg.chat.conversation;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An account as the chat needs it: id, version, and field values by field name (null where unset). */
public record AccountSnapshot(UUID id, long version, Map<String, String> values) {

    public AccountSnapshot {
        Objects.requireNonNull(id, "id");
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    public String value(String field) {
        return values.get(field);
    }
}
