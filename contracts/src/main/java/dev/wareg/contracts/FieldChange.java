package dev.wareg.contracts;

/**
 * One field's value before and after a change, by the field's API property ({@code email},
 * {@code address.city}). {@code oldValue} is null when the field had no value.
 */
public record FieldChange(String oldValue, String newValue) {
}
