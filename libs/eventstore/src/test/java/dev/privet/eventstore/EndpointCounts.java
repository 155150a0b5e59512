package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The read model the subscription tests feed: per stream, how many events were applied and the last version seen.
 * A duplicate that slipped through shows as one application too many.
 */
final class EndpointCounts {
    private EndpointCounts() {
    }

    static void create(StoreFixture fx) {
        fx.transactions.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("create table endpoint_counts (stream_id text primary key, "
                        + "applied int not null, last_version bigint not null)");
            }
        });
    }

    /** The handler: counts one application of {@code e}. */
    static void count(Connection c, EventEnvelope e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into endpoint_counts (stream_id, applied, last_version) values (?, 1, ?)
                on conflict (stream_id) do update set applied = endpoint_counts.applied + 1,
                                                      last_version = excluded.last_version""")) {
            st.setString(1, e.streamId());
            st.setLong(2, e.version());
            st.executeUpdate();
        }
    }
}
