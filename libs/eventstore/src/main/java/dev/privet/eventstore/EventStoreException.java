package dev.privet.eventstore;

import java.sql.SQLException;

/** A database failure the event store cannot handle: the caller's transaction was rolled back. */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static RuntimeException from(SQLException e) {
        return new EventStoreException(e.getMessage(), e);
    }

    /** Whether retrying may succeed: a lock wait ran out ({@code lock_timeout}), or the connection broke. */
    public boolean isRetryable() {
        if (getCause() instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.equals(AdvisoryLocks.LOCK_NOT_AVAILABLE) || state.startsWith("08") || state.equals("40001")
                    || state.equals("40P01");
        }
        return false;
    }
}
