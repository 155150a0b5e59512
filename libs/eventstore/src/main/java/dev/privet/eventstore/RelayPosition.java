package dev.privet.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How far a relay has published: the position of the last event sent and acknowledged. */
record RelayPosition(long position) {
    static final RelayPosition START = new RelayPosition(0);

    static RelayPosition load(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select last_position from outbox_relay where relay_name = ?")) {
            st.setString(1, relay);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new RelayPosition(rs.getLong(1)) : START;
            }
        }
    }

    /**
     * Saves the position; it never moves back. The relay saves on the connection that holds its lock, so a relay
     * whose lock session died cannot save at all, and an older save arriving late cannot undo a newer one.
     */
    void save(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into outbox_relay (relay_name, last_position) values (?, ?)
                on conflict (relay_name) do update
                set last_position = greatest(outbox_relay.last_position, excluded.last_position)""")) {
            st.setString(1, relay);
            st.setLong(2, position);
            st.executeUpdate();
        }
    }
}
