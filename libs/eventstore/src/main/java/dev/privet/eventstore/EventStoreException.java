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
}
