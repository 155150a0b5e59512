package dev.privet.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The markers of idempotent consumers: which event each consumer has applied. A marker is written on the same
 * connection, in the same transaction, as the consumer's effect, so either both exist or neither does.
 */
public final class AppliedEvents {
    private AppliedEvents() {
    }

    /** Records that {@code consumer} applies {@code eventId}; false when it already had. */
    public static boolean markApplied(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "insert into applied_events (consumer_name, event_id) values (?, ?) on conflict do nothing")) {
            st.setString(1, consumer);
            st.setObject(2, eventId);
            return st.executeUpdate() == 1;
        }
    }

    /** Forgets everything {@code consumer} applied, for a rebuild that replays the log from the start. */
    static void forget(Connection connection, String consumer) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("delete from applied_events where consumer_name = ?")) {
            st.setString(1, consumer);
            st.executeUpdate();
        }
    }
}
