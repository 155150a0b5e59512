package dev.privet.eventstore;

import java.sql.SQLException;

/** A database failure the event store cannot handle: the caller's transaction was rolled back. */
public class EventStoreException extends RuntimeException {
    private final boolean unavailable;

    public EventStoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private EventStoreException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    static RuntimeException from(SQLException e) {
        return new EventStoreException(e.getMessage(), e);
    }

    /**
     * No connection could be had (the pool is exhausted, the server away): nothing ran, and a retry may succeed. A
     * {@link Transactions.Boundary} says so when it cannot get its connection.
     */
    public static EventStoreException unavailable(SQLException e) {
        return new EventStoreException("no database connection: " + e.getMessage(), e, true);
    }

    /**
     * Whether retrying may succeed: no connection could be had, a lock wait ran out ({@code lock_timeout}), the
     * connection broke, or PostgreSQL chose this transaction to break a deadlock or a serialization conflict.
     */
    public boolean isRetryable() {
        if (unavailable) {
            return true;
        }
        if (getCause() instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.equals(AdvisoryLocks.LOCK_NOT_AVAILABLE) || state.startsWith("08") || state.equals("40001")
                    || state.equals("40P01");
        }
        return false;
    }
}
