package dev.privet.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("a rebuilt read model equals the live one")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionRebuildTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final StoreFixture fx = new StoreFixture();
    private final String name = "counter-" + fx.topic;
    private OutboxRelay relay;
    private EventSubscription subscription;
    private GroupClient client;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
        subscription = fx.subscription(name, EndpointCounts::count);
        client = new GroupClient(subscription, fx.bootstrap);
    }

    @AfterEach
    void stop() {
        client.close();
        subscription.close();
        relay.close();
    }

    @Test
    void a_rebuild_replays_every_event_once() {
        for (int i = 0; i < 8; i++) {
            fx.appendEvents(i, i + 1);
        }
        awaitPublished(36);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        Map<String, List<Long>> live = EndpointCounts.rows(fx);

        subscription.rebuild(EndpointCounts::truncate);

        assertThat(EndpointCounts.rows(fx)).isEqualTo(live).hasSize(8);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(client.failure()).isEmpty();
    }

    @Test
    void rebuilds_while_the_live_client_consumes_and_events_are_appended_lose_and_double_nothing() throws Exception {
        int streams = 5;
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (appending.get()) {
                for (int i = 0; i < streams; i++) {
                    fx.appendEvents(i, 1);
                }
                rounds.incrementAndGet();
            }
        });
        try (EventSubscription otherReplica = fx.subscription(name, EndpointCounts::count)) {
            await().atMost(CATCH_UP).until(() -> EndpointCounts.total(fx) >= 50);
            subscription.rebuild(EndpointCounts::truncate); // by the replica whose client is consuming
            int roundsAtFirstRebuild = rounds.get();
            await().atMost(CATCH_UP).until(() -> rounds.get() > roundsAtFirstRebuild + 10
                    && EndpointCounts.total(fx) > (long) streams * roundsAtFirstRebuild);
            otherReplica.rebuild(EndpointCounts::truncate); // by one that only rebuilds
            int roundsAtSecondRebuild = rounds.get();
            await().atMost(CATCH_UP).until(() -> rounds.get() > roundsAtSecondRebuild + 10);
        } finally {
            appending.set(false);
            writer.join();
        }
        awaitPublished((long) streams * rounds.get());

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        long appended = rounds.get();
        assertThat(EndpointCounts.rows(fx)).hasSize(streams)
                .allSatisfy((stream, row) -> assertThat(row).as(stream).containsExactly(appended, appended));
        assertThat(client.failure()).isEmpty();
        assertThat(subscription.failure()).isEmpty();
    }

    private void awaitPublished(long count) {
        await().atMost(CATCH_UP).until(() -> relay.published() >= count);
    }
}
