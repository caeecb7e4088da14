package dev.wareg.account.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code account} table (migration {@code V1__accounts.sql}). */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select * from account where id = :id")
                .param("id", id)
                .query(AccountRepository::account)
                .optional();
    }

    Optional<Account> findByPhone(String e164) {
        return jdbc.sql("select * from account where phone = :phone")
                .param("phone", e164)
                .query(AccountRepository::account)
                .optional();
    }

    Optional<Account> findByCpf(String cpf) {
        return jdbc.sql("select * from account where cpf = :cpf")
                .param("cpf", cpf)
                .query(AccountRepository::account)
                .optional();
    }

    /**
     * Removes the row and with it every value held about the person.
     *
     * @return the phone it had, which the erasure's announcement needs, or empty if there was no such account
     */
    Optional<String> delete(UUID id) {
        return jdbc.sql("delete from account where id = :id returning phone").param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * Stores a new account unless its phone is registered already. {@code on conflict do nothing} rather than
     * catching the unique violation keeps the answer exact under concurrent registrations of the same number.
     *
     * @return false if the phone was taken
     */
    boolean insertUnlessPhoneTaken(Account account) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", account.id());
        columns.putAll(writableColumns(account));
        columns.put("created_at", timestamp(account.createdAt()));
        columns.put("updated_at", timestamp(account.updatedAt()));
        columns.put("version", account.version());
        String sql = "insert into account (" + String.join(", ", columns.keySet()) + ") values ("
                + columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "))
                + ") on conflict (phone) do nothing";
        return jdbc.sql(sql).params(columns).update() == 1;
    }

    /**
     * Writes the columns in which {@code changed} differs from {@code current}, and only them, if the stored
     * version is still {@code current}'s: the check and the write are one statement, so two clients holding the
     * same version cannot both succeed.
     *
     * @return the stored account with its new version, or empty if the version moved on meanwhile
     * @throws org.springframework.dao.DuplicateKeyException if the new CPF is another account's
     */
    Optional<Account> updateIfVersionMatches(Account current, Account changed, Instant now) {
        Map<String, Object> before = writableColumns(current);
        Map<String, Object> after = writableColumns(changed);
        Map<String, Object> differences = new LinkedHashMap<>();
        after.forEach((column, value) -> {
            if (!Objects.equals(value, before.get(column))) {
                differences.put(column, value);
            }
        });
        if (differences.isEmpty()) {
            return Optional.of(current);
        }
        // Column names come from writableColumns, never from the request.
        String assignments = differences.keySet().stream()
                .map(column -> column + " = :" + column)
                .collect(Collectors.joining(", "));
        return jdbc.sql("update account set " + assignments + ", updated_at = :updated_at, version = version + 1"
                        + " where id = :id and version = :expected_version returning *")
                .params(differences)
                .param("updated_at", timestamp(now))
                .param("id", current.id())
                .param("expected_version", current.version())
                .query(AccountRepository::account)
                .optional();
    }

    /** What clients may change (and the phone, set once), by column. */
    private static Map<String, Object> writableColumns(Account account) {
        Address address = account.address() == null ? Address.EMPTY : account.address();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("phone", account.phone());
        columns.put("name", account.name());
        columns.put("email", account.email());
        columns.put("postal_code", address.postalCode());
        columns.put("street", address.street());
        columns.put("number", address.number());
        columns.put("complement", address.complement());
        columns.put("district", address.district());
        columns.put("city", address.city());
        columns.put("state", address.state());
        columns.put("cpf", account.cpf());
        columns.put("birth_date", account.birthDate());
        return columns;
    }

    private static Account account(ResultSet row, int rowNumber) throws SQLException {
        var parts = new LinkedHashMap<String, String>();
        parts.put("postalCode", row.getString("postal_code"));
        parts.put("street", row.getString("street"));
        parts.put("number", row.getString("number"));
        parts.put("complement", row.getString("complement"));
        parts.put("district", row.getString("district"));
        parts.put("city", row.getString("city"));
        parts.put("state", row.getString("state"));
        return new Account(
                row.getObject("id", UUID.class),
                row.getString("phone"),
                row.getString("name"),
                row.getString("email"),
                Address.ofParts(parts),
                row.getString("cpf"),
                row.getObject("birth_date", LocalDate.class),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }

    /** pgjdbc binds OffsetDateTime to timestamptz but has no mapping for Instant. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
