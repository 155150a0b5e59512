package dev.privet.eventstore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs work in a local PostgreSQL transaction: commit when it returns, roll back when it throws. Listeners hear of
 * every commit that appended events (the outbox relay uses this to publish at once instead of waiting for its next
 * poll); reads do not disturb them.
 */
public final class Transactions {
    private final DataSource dataSource;
    /** Whether the transaction running on this thread appended events; set by {@link EventStore#append}. */
    private static final ThreadLocal<Boolean> APPENDED = ThreadLocal.withInitial(() -> false);

    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    static void appended() {
        APPENDED.set(true);
    }

    public <T> T inTransaction(SqlWork<T> work) {
        APPENDED.set(false);
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw EventStoreException.from(e);
        }
        if (APPENDED.get()) {
            commitListeners.forEach(Runnable::run);
        }
        return result;
    }
}
