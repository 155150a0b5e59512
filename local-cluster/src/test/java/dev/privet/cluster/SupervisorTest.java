package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against real operating-system processes ({@code sleep}, {@code sh}), started through
 * {@link ChildProcess} as the cluster starts its children, with short pauses so that it runs in seconds.
 */
class SupervisorTest {

    private static final RestartPolicy QUICK = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1));

    @TempDir
    Path tmp;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger stateChanges = new AtomicInteger();
    private final Supervisor supervisor = new Supervisor(QUICK, lines::add, stateChanges::incrementAndGet);
    private final List<Child> children = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() {
        supervisor.close();
        children.forEach(Child::stop);
    }

    @Test
    void a_killed_child_is_started_again_and_said_to_be_ready() {
        Child sleeper = child("sleeper", "sleep", "300");
        supervisor.supervise(sleeper);
        long firstPid = sleeper.pid();

        sleeper.process.kill();

        await().atMost(Duration.ofSeconds(10)).until(() -> sleeper.pid() != firstPid && sleeper.isAlive());
        assertThat(supervisor.restarts(sleeper)).isEqualTo(1);
        assertThat(supervisor.phase(sleeper)).isEqualTo(Supervisor.Phase.RUNNING);
        assertThat(sleeper.launches.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() >= 2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("sleeper exited with code 137; restarting in 0.1 s (restart 1)");
        assertThat(lines.get(1)).startsWith("sleeper is ready again (restart 1, ");
        assertThat(stateChanges.get()).as("cluster.properties rewritten at supervise, crash and restart").isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_child_that_keeps_dying_waits_longer_each_time_up_to_the_cap() {
        Child failing = child("failing", "sh", "-c", "exit 3");
        supervisor.supervise(failing);

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() >= 5);

        assertThat(lines.subList(0, 5)).containsExactly(
                "failing exited with code 3; restarting in 0.1 s (restart 1)",
                "failing exited with code 3; restarting in 0.2 s (restart 2)",
                "failing exited with code 3; restarting in 0.4 s (restart 3)",
                "failing exited with code 3; restarting in 0.4 s (restart 4)",
                "failing exited with code 3; restarting in 0.4 s (restart 5)");
    }

    @Test
    void a_released_child_stays_down() {
        Child sleeper = child("sleeper", "sleep", "300");
        supervisor.supervise(sleeper);

        supervisor.release(sleeper);
        sleeper.process.kill();

        assertThat(supervisor.phase(sleeper)).isEqualTo(Supervisor.Phase.STOPPED);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !sleeper.isAlive());
        assertThat(sleeper.launches.get()).isEqualTo(1);
        assertThat(lines).isEmpty();

        sleeper.launch();
        supervisor.supervise(sleeper);
        sleeper.process.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> sleeper.launches.get() == 3 && sleeper.isAlive());
        assertThat(supervisor.restarts(sleeper)).as("only the supervisor's own starts count").isEqualTo(1);
    }

    @Test
    void after_close_nothing_is_restarted() {
        Child sleeper = child("sleeper", "sleep", "300");
        supervisor.supervise(sleeper);

        supervisor.close();
        sleeper.process.kill();

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !sleeper.isAlive());
        assertThat(sleeper.launches.get()).isEqualTo(1);
        assertThat(lines).isEmpty();
    }

    private Child child(String name, String... command) {
        Child child = new Child(name, List.of(command), tmp.resolve(name + ".log"));
        child.launch();
        children.add(child);
        return child;
    }

    /** A real process, restartable with the same command: what {@link ServiceProcess} is for a service. */
    private final class Child implements Restartable {
        private final String name;
        private final List<String> command;
        private final Path log;
        private final AtomicInteger launches = new AtomicInteger();
        private volatile ChildProcess process;

        Child(String name, List<String> command, Path log) {
            this.name = name;
            this.command = command;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void launch() {
            process = ChildProcess.start(name, command, tmp, log);
            launches.incrementAndGet();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public int exitCode() {
            return process.exitCode();
        }

        @Override
        public CompletableFuture<?> onExit() {
            return process.onExit();
        }

        @Override
        public boolean isReady() {
            return isAlive();
        }

        void stop() {
            process.kill();
        }
    }
}
