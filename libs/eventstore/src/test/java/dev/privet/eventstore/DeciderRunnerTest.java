package dev.privet.eventstore;

import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventMetadata;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeciderRunnerTest {
    private final StoreFixture fx = new StoreFixture();
    private final EventMetadata meta = EventMetadata.forRequest("111122223333");
    private final Counting counting = new Counting();
    private final DeciderRunner runner = new DeciderRunner(fx.store);

    /** Counts a stream's events, and how many it has folded. */
    static final class Counting implements Decider<String, Integer, ConsumerEvent> {
        final AtomicInteger evolved = new AtomicInteger();

        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public List<ConsumerEvent> decide(String endpointId, Integer state) {
            return List.of(new VpcEndpointAccepted(endpointId));
        }

        @Override
        public Integer evolve(Integer state, ConsumerEvent event, Instant recordedAt) {
            evolved.incrementAndGet();
            return state + 1;
        }
    }

    @Test
    void a_stream_is_folded_from_the_start_once_and_afterwards_only_its_new_events_are() {
        String id = StoreFixture.endpointId(1);
        fx.appendEvents(1, 50);
        assertThat(load(id)).isEqualTo(new DeciderRunner.Loaded<>(50, 50));
        assertThat(counting.evolved).hasValue(50);

        fx.appendEvents(1, 2); // as another replica would: behind this runner's back
        assertThat(load(id)).isEqualTo(new DeciderRunner.Loaded<>(52, 52));
        assertThat(counting.evolved).hasValue(52);
    }

    @Test
    void a_fold_that_read_its_own_transactions_appends_is_forgotten_when_that_transaction_rolls_back() {
        String id = StoreFixture.endpointId(2);
        fx.appendEvents(2, 3);
        assertThatThrownBy(() -> fx.transactions.inTransaction(c -> {
            runner.run(c, id, id, counting, meta);                // appends version 4
            assertThat(runner.load(c, id, counting).version()).isEqualTo(4); // reads its own append
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        fx.appendEvents(2, 1); // another transaction's version 4
        fx.appendEvents(2, 1);
        assertThat(load(id)).isEqualTo(new DeciderRunner.Loaded<>(5, 5));
    }

    @Test
    void commands_append_at_the_remembered_version_and_the_next_load_sees_them() {
        String id = StoreFixture.endpointId(3);
        for (int i = 0; i < 5; i++) {
            fx.transactions.inTransaction(c -> runner.run(c, id, id, counting, meta));
        }
        assertThat(load(id)).isEqualTo(new DeciderRunner.Loaded<>(5, 5));
        long stored = fx.transactions.inTransaction(c -> fx.store.version(c, id));
        assertThat(stored).isEqualTo(5);
    }

    private DeciderRunner.Loaded<Integer> load(String id) {
        return fx.transactions.inTransaction(c -> runner.load(c, id, counting));
    }
}
