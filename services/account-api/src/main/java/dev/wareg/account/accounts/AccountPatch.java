package dev.wareg.account.accounts;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON Merge Patch (<a href="https://www.rfc-editor.org/rfc/rfc7396">RFC 7396</a>) to an account: a
 * member with a value replaces that property, a member with {@code null} removes it, an absent member leaves it
 * alone, and objects (the address) are merged the same way member by member. A registration is the same patch
 * applied to no account, plus the phone.
 * <p>
 * RFC 7396 would let a patch remove or rewrite anything; this resource narrows that: name, e-mail and phone are
 * required so cannot be removed, and the identity, version and timestamps belong to the server. The phone can be
 * changed (a person moving to a new number), to a valid number no other account holds; the chat asks for that only
 * after the person proved they hold both numbers.
 */
@Component
final class AccountPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt");

    private final Field birthDate;
    private final Field phone;

    AccountPatch(Clock clock, AccountsConfiguration.AccountsProperties properties) {
        this.birthDate = RegistrationFields.birthDate(clock);
        this.phone = RegistrationFields.phone(properties.mobileOnly());
    }

    /** The account a registration creates, or an {@link InvalidRequest} naming every refused member. */
    Account create(JsonNode body, UUID id, Instant now) {
        requireObject(body);
        var violations = new Violations();
        JsonNode phoneMember = body.get("phone");
        String validPhone = AccountValues.required(phone,
                phoneMember == null ? null : text("phone", phoneMember, violations), violations);
        ObjectNode values = ((ObjectNode) body).deepCopy();
        values.remove("phone");
        Account account = merge(Account.NONE, values, violations);
        for (Field field : new Field[] {RegistrationFields.NAME, RegistrationFields.EMAIL}) {
            if (!body.has(field.apiProperty())) {
                AccountValues.required(field, null, violations);
            }
        }
        violations.throwIfAny();
        return new Account(id, validPhone, account.name(), account.email(), account.address(), account.cpf(),
                account.birthDate(), now, now, Account.FIRST_VERSION);
    }

    /** The account with the patch applied, or an {@link InvalidRequest} naming every refused member. */
    Account apply(Account current, JsonNode patch) {
        requireObject(patch);
        var violations = new Violations();
        Account changed = merge(current, patch, violations);
        violations.throwIfAny();
        return changed;
    }

    private Account merge(Account current, JsonNode patch, Violations violations) {
        String number = current.phone();
        String name = current.name();
        String email = current.email();
        Address address = current.address();
        String cpf = current.cpf();
        LocalDate birth = current.birthDate();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String property = member.getKey();
            JsonNode value = member.getValue();
            switch (property) {
                case "phone" -> number = requiredField(phone, value, violations);
                case "name" -> name = requiredField(RegistrationFields.NAME, value, violations);
                case "email" -> email = requiredField(RegistrationFields.EMAIL, value, violations);
                case "address" -> address = mergedAddress(current.address(), value, violations);
                case "cpf" -> cpf = AccountValues.optional(RegistrationFields.CPF,
                        text(property, value, violations), violations);
                case "birthDate" -> {
                    String iso = AccountValues.optional(birthDate, text(property, value, violations), violations);
                    birth = iso == null ? null : LocalDate.parse(iso);
                }
                default -> refuse(property, violations);
            }
        }
        return new Account(current.id(), number, name, email, address, cpf, birth,
                current.createdAt(), current.updatedAt(), current.version());
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            // RFC 7396 reads any other JSON value as "replace the whole resource", which an account never allows.
            throw AccountProblems.bodyNotAnObject();
        }
    }

    private static String requiredField(Field field, JsonNode value, Violations violations) {
        if (value.isNull()) {
            violations.add(field.apiProperty(), "required",
                    "The " + field.apiProperty() + " is required: it can be changed but not removed.");
            return null;
        }
        String raw = text(field.apiProperty(), value, violations);
        return raw == null ? null : AccountValues.required(field, raw, violations);
    }

    private static Address mergedAddress(Address current, JsonNode patch, Violations violations) {
        if (patch.isNull()) {
            return null;
        }
        if (!patch.isObject()) {
            violations.add("address", "type", "The address must be an object, or null to remove it.");
            return null;
        }
        Map<String, String> parts = (current == null ? Address.EMPTY : current).parts();
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
