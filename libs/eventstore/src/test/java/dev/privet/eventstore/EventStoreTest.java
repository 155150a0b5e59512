package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("event store on a real PostgreSQL")
class EventStoreTest {
    private final StoreFixture fx = new StoreFixture();
    private final EventMetadata meta = EventMetadata.forRequest("111122223333");

    @Test
    void appended_events_load_back_in_order_with_their_envelope() {
        String id = StoreFixture.endpointId(1);
        List<EventEnvelope> appended = fx.transactions.inTransaction(c ->
                fx.store.append(c, 0, meta, List.of(new VpcEndpointAccepted(id), new VpcEndpointDeleted(id))));

        List<EventEnvelope> loaded = fx.transactions.inTransaction(c -> fx.store.load(c, id));

        assertThat(loaded).containsExactlyElementsOf(appended);
        assertThat(loaded).extracting(EventEnvelope::version).containsExactly(1L, 2L);
        assertThat(loaded.getFirst().metadata().principal()).isEqualTo("111122223333");
        assertThat(loaded.getFirst().streamType()).isEqualTo("vpc-endpoint");
    }

    @Test
    void an_append_at_a_stale_version_is_a_typed_conflict_and_stores_nothing() {
        String id = StoreFixture.endpointId(2);
        fx.transactions.inTransaction(c -> fx.store.append(c, 0, meta, List.of(new VpcEndpointAccepted(id))));

        assertThatThrownBy(() -> fx.transactions.inTransaction(c ->
                fx.store.append(c, 0, meta, List.of(new VpcEndpointDeleted(id)))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(load(id)).hasSize(1);
    }

    @Test
    void of_two_concurrent_appends_to_one_stream_exactly_one_wins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = StoreFixture.endpointId(100 + round);
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> outcomes = pool.invokeAll(List.of(
                        () -> appendAfterBarrier(id, bothLoaded), () -> appendAfterBarrier(id, bothLoaded)));
                long wins = 0;
                for (Future<Boolean> outcome : outcomes) {
                    wins += outcome.get() ? 1 : 0;
                }
                assertThat(wins).as("round %d", round).isEqualTo(1);
                assertThat(load(id)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private List<EventEnvelope> load(String id) {
        return fx.transactions.inTransaction(c -> fx.store.load(c, id));
    }

    /** Both writers read version 0, wait for each other, then append: true if this one won. */
    private boolean appendAfterBarrier(String id, CyclicBarrier barrier) {
        try {
            fx.transactions.inTransaction(c -> {
                long version = fx.store.version(c, id);
                await(barrier);
                return fx.store.append(c, version, meta, List.of(new VpcEndpointAccepted(id)));
            });
            return true;
        } catch (ConcurrencyConflictException e) {
            return false;
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void events_can_be_neither_updated_nor_deleted() {
        fx.appendEvents(3, 1);
        assertThatThrownBy(() -> fx.transactions.inTransaction(c -> update(c, "update events set version = 7")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> fx.transactions.inTransaction(c -> update(c, "delete from events")))
                .hasMessageContaining("append-only");
    }

    private static int update(Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}
