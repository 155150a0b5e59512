package dev.privet.eventstore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs work in a local PostgreSQL transaction: commit when it returns, roll back when it throws. It knows the
 * position of the last event the transaction appended, so a command can wait until the relay has published it, and
 * listeners hear of every commit that appended (the outbox relay uses this to publish at once instead of waiting for
 * its next poll); reads do not disturb them.
 */
public final class Transactions {
    /** The highest position appended by the transaction running on this thread; set by {@link EventStore#append}. */
    private static final ThreadLocal<long[]> APPENDED_UP_TO = ThreadLocal.withInitial(() -> new long[1]);

    private final DataSource dataSource;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code listener} hears of every commit that appended events. */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /** Whether the transaction running on this thread has appended: what it reads may then be its own, uncommitted. */
    static boolean appendedInThisTransaction() {
        return APPENDED_UP_TO.get()[0] > 0;
    }

    static void appended(long position) {
        long[] upTo = APPENDED_UP_TO.get();
        upTo[0] = Math.max(upTo[0], position);
    }

    /** What a committed transaction returned, and the position of its last appended event (0 when none). */
    public record Committed<T>(T result, long appendedUpTo) {
        public boolean appended() {
            return appendedUpTo > 0;
        }
    }

    public <T> T inTransaction(SqlWork<T> work) {
        return commit(work).result();
    }

    /**
     * Runs {@code work} in a transaction and tells what it appended. A transaction may open another on the same thread
     * only to read, or before it appends: the inner one's append would wait for the append lock its own thread holds.
     */
    public <T> Committed<T> commit(SqlWork<T> work) {
        Connection opened;
        try {
            opened = dataSource.getConnection();
        } catch (SQLException e) {
            throw EventStoreException.unavailable(e); // the pool is exhausted or the server away: retry later
        }
        long[] upTo = APPENDED_UP_TO.get();
        long outer = upTo[0]; // an enclosing transaction on this thread keeps its own mark
        upTo[0] = 0;
        T result;
        long appendedUpTo;
        try (Connection connection = opened) {
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
        } finally {
            appendedUpTo = upTo[0];
            upTo[0] = outer;
        }
        if (appendedUpTo > 0) {
            commitListeners.forEach(Runnable::run);
        }
        return new Committed<>(result, appendedUpTo);
    }
}
