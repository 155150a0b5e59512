package dev.privet.eventstore;

/**
 * A read model of the service's own streams, written in the transaction that appends the events: every read after a
 * commit sees it, from any replica, and there is no window in which the model lags the store. {@link EventStore}
 * runs every inline projection on every append; a rebuild empties the model and replays the store in position order
 * ({@link EventStore#rebuild}). A projection ignores the events it does not model.
 */
public interface InlineProjection extends EventHandler {

    /** Unique within the service; names the projection in the admin API. */
    String name();

    /**
     * Empties the read model's tables, before a rebuild replays the store. Delete the rows rather than truncate:
     * a truncate holds an exclusive lock until the rebuild commits, and every read of the model waits for it.
     */
    void reset(java.sql.Connection connection) throws java.sql.SQLException;
}
