package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The reset of a rebuild: empties the read model. */
    static void truncate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("truncate endpoint_counts");
        }
    }

    /** Per stream: how many events were applied, and the last version seen. */
    static Map<String, List<Long>> rows(StoreFixture fx) {
        return fx.transactions.inTransaction(c -> {
            Map<String, List<Long>> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select stream_id, applied, last_version from endpoint_counts");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }
            }
            return rows;
        });
    }

    /** How many events of {@code stream} were applied. */
    static long applied(StoreFixture fx, String stream) {
        List<Long> row = rows(fx).get(stream);
        return row == null ? 0 : row.getFirst();
    }

    /** How many events were applied, all streams together. */
    static long total(StoreFixture fx) {
        return rows(fx).values().stream().mapToLong(List::getFirst).sum();
    }
}
