package dev.wareg.fields;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One declared registration field. Everything that differs between fields lives here, so the code that asks,
 * validates, shows, stores and logs values never names a particular field.
 *
 * @param name        the stable id, also the prefix of its message keys ({@code field.email.prompt})
 * @param apiProperty the property of account-api's {@code Account} resource that holds it
 * @param required    whether a registration is complete without it
 * @param validator   normalises a raw value or says why not
 * @param mask        how to show it where the whole value must not appear (logs, other people's screens)
 */
public record Field(
        String name,
        String apiProperty,
        boolean required,
        FieldValidator validator,
        UnaryOperator<String> mask) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiProperty, "apiProperty");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(mask, "mask");
    }

    public Validation validate(String raw) {
        return validator.validate(raw == null ? "" : raw);
    }

    public String labelKey() {
        return "field." + name + ".label";
    }

    public String promptKey() {
        return "field." + name + ".prompt";
    }

    /** An example of a valid value, shown after repeated invalid answers. */
    public String exampleKey() {
        return "field." + name + ".example";
    }

    public String invalidKey(String reason) {
        return "field." + name + ".invalid." + reason;
    }
}
