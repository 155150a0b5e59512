package dev.privet.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How far a relay has published: the (transaction id, position) of the last event sent and acknowledged. */
record RelayPosition(String transactionId, long position) {
    static final RelayPosition START = new RelayPosition("0", 0);

    static RelayPosition load(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select last_transaction_id::text, last_position from outbox_relay where relay_name = ?")) {
            st.setString(1, relay);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new RelayPosition(rs.getString(1), rs.getLong(2)) : START;
            }
        }
    }

    void save(Connection c, String relay) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into outbox_relay (relay_name, last_transaction_id, last_position) values (?, ?::xid8, ?)
                on conflict (relay_name) do update
                set last_transaction_id = excluded.last_transaction_id, last_position = excluded.last_position""")) {
            st.setString(1, relay);
            st.setString(2, transactionId);
            st.setLong(3, position);
            st.executeUpdate();
        }
    }
}
