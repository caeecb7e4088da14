package dev.wareg.account.accounts;

/**
 * The body of {@code PATCH /v1/accounts/{id}}, for the API documentation: a JSON Merge Patch with any of these
 * members; null removes an optional value.
 */
record AccountChanges(String name, String email, Address address, String cpf, String birthDate) {
}
