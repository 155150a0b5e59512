package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = RestartPolicy.standard();

    @Test
    void thePauseDoublesWithEachCrashInARowUpTo30Seconds() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(policy::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(policy.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aChildThatStayedUpAMinuteStartsANewRow() {
        assertThat(policy.crashesInARow(0, Duration.ofMillis(10))).isEqualTo(1);
        assertThat(policy.crashesInARow(4, Duration.ofSeconds(59))).isEqualTo(5);
        assertThat(policy.crashesInARow(4, Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(policy.crashesInARow(4, Duration.ofHours(3))).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> policy.delay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pausesReadAsSeconds() {
        assertThat(Supervisor.seconds(Duration.ofSeconds(1))).isEqualTo("1 s");
        assertThat(Supervisor.seconds(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Supervisor.seconds(Duration.ofMillis(200))).isEqualTo("0.2 s");
    }
}
