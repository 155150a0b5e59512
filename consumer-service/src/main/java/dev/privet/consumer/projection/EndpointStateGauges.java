package dev.privet.consumer.projection;

import dev.privet.consumer.domain.EndpointState;
import dev.privet.runtime.Cached;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The VPC endpoints by state ({@value #NAME}, one gauge per state), from the read model: one grouped count for all
 * states, run at most every {@link #FRESHNESS} however often Prometheus scrapes.
 */
@ApplicationScoped
public class EndpointStateGauges {
    static final String NAME = "privet.endpoints";
    private static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final Cached<Map<String, Long>> byState;

    EndpointStateGauges(DataSource dataSource) {
        this.byState = new Cached<>("the endpoints by state", FRESHNESS, () -> count(dataSource));
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        for (EndpointState state : EndpointState.values()) {
            Gauge.builder(NAME, byState, counts -> {
                Map<String, Long> read = counts.get();
                return read == null ? Double.NaN : read.getOrDefault(state.wireName(), 0L);
            }).description("VPC endpoints in the state, as the read model holds them")
                    .tag("state", state.wireName()).register(registry);
        }
    }

    private static Map<String, Long> count(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select state, count(*) from vpc_endpoints group by state");
             ResultSet rs = st.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        }
    }
}
