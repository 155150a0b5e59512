package dev.privet.runtime;

import dev.privet.eventstore.EventStoreException;
import dev.privet.eventstore.SqlWork;
import dev.privet.eventstore.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The services' transactions: a new JTA transaction (Quarkus' transaction manager) around each piece of work, on a
 * connection of the Agroal pool, which enlists it. Hibernate ORM, in the same transaction, gets the same physical
 * connection: the events appended over JDBC and the entities written through Panache commit together, or neither
 * does. A transaction already running on the thread is suspended meanwhile, as with a connection of one's own.
 */
final class JtaBoundary implements Transactions.Boundary {
    private final DataSource dataSource;

    JtaBoundary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T run(SqlWork<T> work) throws SQLException {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Connection opened;
                try {
                    opened = dataSource.getConnection();
                } catch (SQLException e) {
                    throw EventStoreException.unavailable(e); // the pool is exhausted or the server away: retry later
                }
                try (Connection connection = opened) {
                    return work.run(connection);
                }
            });
        } catch (QuarkusTransactionException e) {
            // A checked failure of the work, or a commit that failed (a flush at commit, a rollback-only mark):
            // hand the store the SQL error beneath, which it classifies (conflict, unavailable, invalid).
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
            }
            throw e;
        }
    }
}
