package dev.wareg.account.accounts;

/**
 * Why one value of a request was refused.
 *
 * @param field   the JSON property, dotted for nested ones ({@code address.postalCode})
 * @param code    a stable code clients may switch on: the {@code fields} validator's reason ({@code typo},
 *                {@code too-long}) or one of this API's ({@code required}, {@code read-only}, {@code unknown},
 *                {@code type})
 * @param message an English explanation for whoever reads the response
 */
record Violation(String field, String code, String message) {
}
