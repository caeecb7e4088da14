package dev.wareg.account.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A postal address. Every part is optional and validated by its field in {@code fields}
 * ({@link AccountValues#ADDRESS_PARTS}); an address with no part at all is no address (null).
 */
record Address(
        String postalCode,
        String street,
        String number,
        String complement,
        String district,
        String city,
        String state) {

    static final Address EMPTY = new Address(null, null, null, null, null, null, null);

    /** The parts by their JSON names, in declaration order; absent parts map to null. */
    Map<String, String> parts() {
        var parts = new LinkedHashMap<String, String>();
        parts.put("postalCode", postalCode);
        parts.put("street", street);
        parts.put("number", number);
        parts.put("complement", complement);
        parts.put("district", district);
        parts.put("city", city);
        parts.put("state", state);
        return parts;
    }

    /** The address with these parts, or null if none has a value. */
    static Address ofParts(Map<String, String> parts) {
        if (parts.values().stream().allMatch(Objects::isNull)) {
            return null;
        }
        return new Address(parts.get("postalCode"), parts.get("street"), parts.get("number"),
                parts.get("complement"), parts.get("district"), parts.get("city"), parts.get("state"));
    }
}
