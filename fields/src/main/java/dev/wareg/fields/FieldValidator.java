package dev.wareg.fields;

/** Turns what a person typed into a normalised value, or a reason it cannot be accepted. Never throws. */
@FunctionalInterface
public interface FieldValidator {

    Validation validate(String raw);
}
