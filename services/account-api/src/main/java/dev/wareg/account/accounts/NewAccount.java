package dev.wareg.account.accounts;

import dev.wareg.fields.RegistrationFields;
import java.time.Instant;
import java.util.UUID;

/** The body of {@code POST /v1/accounts}. Phone, name and e-mail are required; the address is optional. */
record NewAccount(String phone, String name, String email, Address address) {

    static final long FIRST_VERSION = 1;

    /** The account this request creates, or an {@link InvalidRequest} naming every refused value. */
    Account toAccount(UUID id, Instant now) {
        var violations = new Violations();
        String validPhone = AccountValues.registrationField(RegistrationFields.PHONE, phone, violations);
        String validName = AccountValues.registrationField(RegistrationFields.NAME, name, violations);
        String validEmail = AccountValues.registrationField(RegistrationFields.EMAIL, email, violations);
        Address validAddress = address == null ? null : AccountValues.address(address.parts(), violations);
        violations.throwIfAny();
        return new Account(id, validPhone, validName, validEmail, validAddress, null, null, now, now, FIRST_VERSION);
    }
}
