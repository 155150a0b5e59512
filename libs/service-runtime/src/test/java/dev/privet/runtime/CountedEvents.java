package dev.privet.runtime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What {@link CountingView} holds: how many events of each stream it applied. */
final class CountedEvents {
    private CountedEvents() {
    }

    static Map<String, Long> all(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select stream_id, applied from counted_events");
             ResultSet rs = st.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long applied(DataSource dataSource, String streamId) {
        return all(dataSource).getOrDefault(streamId, 0L);
    }
}
