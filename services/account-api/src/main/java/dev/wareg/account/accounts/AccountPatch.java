package dev.wareg.account.accounts;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Applies a JSON Merge Patch (<a href="https://www.rfc-editor.org/rfc/rfc7396">RFC 7396</a>) to an account: a
 * member with a value replaces that property, a member with {@code null} removes it, an absent member leaves it
 * alone, and objects (the address) are merged the same way member by member.
 * <p>
 * RFC 7396 would let a patch remove or rewrite anything; this resource narrows that: name and e-mail are
 * required so cannot be removed, and the identity, phone, version and timestamps belong to the server.
 */
final class AccountPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "phone", "version", "createdAt", "updatedAt");

    private AccountPatch() {
    }

    /** The account with the patch applied, or an {@link InvalidRequest} naming every refused member. */
    static Account apply(Account current, JsonNode patch) {
        if (!patch.isObject()) {
            // RFC 7396 reads any other JSON value as "replace the whole resource", which an account never allows.
            throw AccountProblems.patchNotAnObject();
        }
        var violations = new Violations();
        String name = current.name();
        String email = current.email();
        Address address = current.address();
        String cpf = current.cpf();
        LocalDate birthDate = current.birthDate();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String property = member.getKey();
            JsonNode value = member.getValue();
            switch (property) {
                case "name" -> name = requiredField(RegistrationFields.NAME, value, violations);
                case "email" -> email = requiredField(RegistrationFields.EMAIL, value, violations);
                case "address" -> address = mergedAddress(current.address(), value, violations);
                case "cpf" -> cpf = AccountValues.optionalText(property,
                        text(property, value, violations), AccountValues.CPF_MAX_LENGTH, violations);
                case "birthDate" -> birthDate = AccountValues.birthDate(text(property, value, violations), violations);
                default -> refuse(property, violations);
            }
        }
        violations.throwIfAny();
        return new Account(current.id(), current.phone(), name, email, address, cpf, birthDate,
                current.createdAt(), current.updatedAt(), current.version());
    }

    private static String requiredField(Field field, JsonNode value, Violations violations) {
        if (value.isNull()) {
            violations.add(field.apiProperty(), "required",
                    "The " + field.apiProperty() + " is required: it can be changed but not removed.");
            return null;
        }
        String raw = text(field.apiProperty(), value, violations);
        return raw == null ? null : AccountValues.registrationField(field, raw, violations);
    }

    private static Address mergedAddress(Address current, JsonNode patch, Violations violations) {
        if (patch.isNull()) {
            return null;
        }
        if (!patch.isObject()) {
            violations.add("address", "type", "The address must be an object, or null to remove it.");
            return null;
        }
        Map<String, String> parts = current == null ? new Address(null, null, null, null, null, null, null).parts()
                : current.parts();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String part = member.getKey();
            String property = "address." + part;
            if (!parts.containsKey(part)) {
                violations.add(property, "unknown", "An address has no part named '" + part + "'; its parts are "
                        + String.join(", ", parts.keySet()) + ".");
            } else {
                parts.put(part, text(property, member.getValue(), violations));
            }
        }
        return AccountValues.address(parts, violations);
    }

    /** The string a member holds, or null for JSON null; other JSON types are refused. */
    private static String text(String property, JsonNode value, Violations violations) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            violations.add(property, "type", "The " + property + " must be a JSON string.");
            return null;
        }
        return value.stringValue();
    }

    private static void refuse(String property, Violations violations) {
        if (property.equals("phone")) {
            violations.add(property, "read-only",
                    "The phone is the account's identity and cannot be changed.");
        } else if (READ_ONLY.contains(property)) {
            violations.add(property, "read-only", "The " + property + " is set by the server and cannot be changed.");
        } else {
            violations.add(property, "unknown", "Accounts have no property named '" + property + "'.");
        }
    }
}
