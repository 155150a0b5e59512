package dev.privet.network.api;

import dev.privet.eventstore.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** What the service's event store holds, read with JDBC: what a test checks behind the API. */
@ApplicationScoped
class StoredEvents {
    private final Transactions transactions;

    StoredEvents(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Every event of the store. */
    long count() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from events");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The events the account's requests appended. */
    long appendedBy(String account) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from events where principal = ?")) {
                st.setString(1, account);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The number of events of one stream. */
    long streamLength(String streamId) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from events where stream_id = ?")) {
                st.setString(1, streamId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The {@code idField} of every {@code eventType} event the store holds for the owner, in append order. */
    List<String> ids(String eventType, String idField, String owner) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select payload->>? from events where event_type = ? and payload->>'ownerId' = ?
                     order by global_position""")) {
                st.setString(1, idField);
                st.setString(2, eventType);
                st.setString(3, owner);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }
}
