package dev.privet.eventstore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs work in a transaction on one connection: commit when it returns, roll back when it throws. Who begins and
 * ends it is the {@link Boundary}: a local JDBC transaction by default; the services run it through their JTA
 * transaction manager, so what Hibernate writes in the same transaction commits with the events. It knows the
 * position of the last event the transaction appended, so a command can wait until the relay has published it, and
 * listeners hear of every commit that appended (the outbox relay uses this to publish at once instead of waiting for
 * its next poll); reads do not disturb them.
 */
public final class Transactions {
    /**
     * Begins a transaction, runs the work on a connection that takes part in it, and ends it. When no connection can
     * be had it throws {@link EventStoreException#unavailable}, so the caller is told to retry.
     */
    public interface Boundary {
        /** Commits when {@code work} returns, rolls back when it throws, and rethrows what it threw. */
        <T> T run(SqlWork<T> work) throws SQLException;
    }

    /** The highest position appended by the transaction running on this thread; set by {@link EventStore#append}. */
    private static final ThreadLocal<long[]> APPENDED_UP_TO = ThreadLocal.withInitial(() -> new long[1]);

    private final DataSource dataSource;
    private final Boundary boundary;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    /** Local JDBC transactions on connections of {@code dataSource}. */
    public Transactions(DataSource dataSource) {
        this(dataSource, local(dataSource));
    }

    /**
     * Transactions that {@code boundary} begins and ends; {@link #dataSource()} stays for the work that manages its
     * own connection (the relay's lock and batches).
     */
    public Transactions(DataSource dataSource, Boundary boundary) {
        this.dataSource = dataSource;
        this.boundary = boundary;
    }

    /** A local transaction: auto-commit off on a connection of its own, commit or roll back, auto-commit on. */
    private static Boundary local(DataSource dataSource) {
        return new Boundary() {
            @Override
            public <T> T run(SqlWork<T> work) throws SQLException {
                Connection opened;
                try {
                    opened = dataSource.getConnection();
                } catch (SQLException e) {
                    throw EventStoreException.unavailable(e); // the pool is exhausted or the server away: retry later
                }
                try (Connection connection = opened) {
                    connection.setAutoCommit(false);
                    try {
                        T result = work.run(connection);
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException | Error e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                }
            }
        };
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
        long[] upTo = APPENDED_UP_TO.get();
        long outer = upTo[0]; // an enclosing transaction on this thread keeps its own mark
        upTo[0] = 0;
        T result;
        long appendedUpTo;
        try {
            result = boundary.run(work);
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
