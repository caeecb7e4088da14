package dev.wareg.account.accounts;

/**
 * The body of {@code POST /v1/accounts}, for the API documentation: the request is read as JSON and checked member
 * by member ({@link AccountPatch#create}), so that every refused value, unknown member and wrong type is reported.
 */
@io.swagger.v3.oas.annotations.media.Schema(requiredProperties = {"phone", "name", "email"})
record NewAccount(String phone, String name, String email, Address address, String cpf, String birthDate) {
}
