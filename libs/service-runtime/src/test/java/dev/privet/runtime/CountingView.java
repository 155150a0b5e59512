package dev.privet.runtime;

import dev.privet.contracts.events.EventEnvelope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A Kafka-fed read model for the runtime's tests: counts the events of each stream it applied. Applied twice, an
 * event would count twice; skipped, not at all. A test can make it fail, as a handler whose database is away does.
 */
@ApplicationScoped
public class CountingView implements Projection {
    public static final String NAME = "counting-view";

    /** While set, every event fails to apply. */
    static volatile boolean failing;
    /** When an event first failed to apply (System.nanoTime), since a test last set it to 0. */
    static volatile long firstFailureAt;

    private final EventRuntime runtime;

    CountingView(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Incoming(NAME)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        runtime.apply(NAME, records);
    }

    @Override
    public void handle(Connection c, EventEnvelope event) throws SQLException {
        if (failing) {
            if (firstFailureAt == 0) {
                firstFailureAt = System.nanoTime();
            }
            throw new SQLException("the counting view is told to fail", "08006");
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into counted_events (stream_id, applied, last_version) values (?, 1, ?)
                on conflict (stream_id) do update set applied = counted_events.applied + 1,
                    last_version = excluded.last_version""")) {
            st.setString(1, event.streamId());
            st.setLong(2, event.version());
            st.executeUpdate();
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "counted_events");
    }
}
