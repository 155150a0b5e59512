package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("a subscription survives rebalances and failed offset commits")
class SubscriptionRebalanceTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final int STREAMS = 6;

    private final StoreFixture fx = new StoreFixture();
    private final AtomicInteger handled = new AtomicInteger();
    private OutboxRelay relay;

    /** A slow read model: a rebalance always finds a member in the middle of a handler. */
    private final EventHandler slowProjection = (Connection c, EventEnvelope e) -> {
        try {
            Thread.sleep(15);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        EndpointCounts.count(c, e);
        handled.incrementAndGet();
    };

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void members_joining_and_leaving_while_a_handler_runs_and_commits_kill_nothing() throws Exception {
        String group = "slow-" + fx.topic;
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 40; round++) {
                for (int i = 0; i < STREAMS; i++) {
                    fx.appendEvents(i, 1);
                }
                sleep(40);
            }
        });
        try (EventSubscription first = new EventSubscription(group, List.of(fx.topic), fx.bootstrap,
                fx.transactions, slowProjection)) {
            first.start();
            await().atMost(CATCH_UP).until(() -> handled.get() > 5);
            // Replicas come and go while the first member is mid-handler: every join and every leave rebalances
            // the group under it, and its offset commits meet a rebalance in progress.
            for (int churn = 0; churn < 4; churn++) {
                try (EventSubscription other = new EventSubscription(group, List.of(fx.topic), fx.bootstrap,
                        fx.transactions, slowProjection)) {
                    other.start();
                    sleep(1500);
                    assertThat(other.failure()).as("the joining member").isEmpty();
                }
                assertThat(first.failure()).as("the first member, after churn %d", churn).isEmpty();
            }
            writer.join();
            await().atMost(CATCH_UP).until(() -> relay.published() >= 40L * STREAMS);

            assertThat(first.awaitCaughtUp(CATCH_UP)).as("the first member still consumes").isTrue();
            assertThat(first.failure()).isEmpty();
            assertThat(rows()).hasSize(STREAMS).allSatisfy((stream, applied) ->
                    assertThat(applied).as(stream).isEqualTo(40L));

            fx.appendEvents(0, 1); // and keeps consuming what comes next
            await().atMost(CATCH_UP).until(() -> rows().get(StoreFixture.endpointId(0)) == 41L);
        }
    }

    private Map<String, Long> rows() {
        return fx.transactions.inTransaction(c -> {
            Map<String, Long> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select stream_id, applied from endpoint_counts");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            return rows;
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
