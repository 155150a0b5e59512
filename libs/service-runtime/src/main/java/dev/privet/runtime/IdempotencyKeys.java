package dev.privet.runtime;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.eventstore.ConcurrencyConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The table of idempotency keys and the resources they created, worked on the caller's transaction. */
final class IdempotencyKeys {
    private static final String UNIQUE_VIOLATION = "23505";

    private IdempotencyKeys() {
    }

    /**
     * The resource created earlier with this key, if any.
     *
     * @throws Rejection {@code IdempotentParameterMismatch} when the key was used for a different request
     */
    static Optional<String> earlierResource(Connection c, IdempotencyKey key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select request_fingerprint, resource_id from idempotency_keys
                 where account_id = ? and idempotency_key = ?""")) {
            st.setString(1, key.account().value());
            st.setString(2, key.key());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(key.fingerprint())) {
                    throw Rejection.invalid(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH, IdempotencyKey.HEADER,
                            "the " + IdempotencyKey.HEADER + " '" + key.key() + "' was already used for a different request");
                }
                return Optional.of(rs.getString(2));
            }
        }
    }

    /**
     * Records the resource a key created. A concurrent request with the same key that committed first makes this a
     * conflict; the retried transaction then finds that request's resource.
     */
    static void record(Connection c, IdempotencyKey key, String resourceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into idempotency_keys (account_id, idempotency_key, request_fingerprint, resource_id)
                values (?, ?, ?, ?)""")) {
            st.setString(1, key.account().value());
            st.setString(2, key.key());
            st.setString(3, key.fingerprint());
            st.setString(4, resourceId);
            st.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrencyConflictException("idempotency-key:" + key.key(), 0);
            }
            throw e;
        }
    }
}
