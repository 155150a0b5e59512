package dev.privet.cluster;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the cluster's children running: when a supervised child exits, for whatever reason, it says so
 * ({@code network-service exited with code 137; restarting in 1 s (restart 2)}) and starts it again after the pause
 * of the {@link RestartPolicy}, then says when it is ready again.
 *
 * <p>Why in the launcher: on one machine without an orchestrator the launcher is the only process that outlives its
 * children, and a crashed JVM cannot restart itself. An orderly stop {@link #release releases} a child before it
 * stops it, so that exit is not taken for a crash; {@link #close()} releases them all, before the cluster stops.
 *
 * <p>Exits are seen through {@link Restartable#onExit()}; restarts and readiness checks run on two daemon threads of
 * its own. {@code changed} is called (on those threads, never while a lock of this class is held) after every change
 * of a child's phase, pid or restart count, so the cluster can rewrite {@code cluster.properties}.
 */
final class Supervisor implements AutoCloseable {

    /** Where a supervised child is in its life. */
    enum Phase {
        /** Launched, alive or not yet seen to exit. */
        RUNNING,
        /** Exited; waiting for the pause before its restart. */
        RESTARTING,
        /** Not supervised: never was, or released for an orderly stop. */
        STOPPED
    }

    private static final Duration READY_CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Duration REPORT_READY_FOR_AT_MOST = Duration.ofMinutes(10);

    private final RestartPolicy policy;
    private final Consumer<String> progress;
    private final Runnable changed;
    private final ScheduledThreadPoolExecutor threads;
    private final Map<Restartable, Ward> wards = new IdentityHashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    Supervisor(RestartPolicy policy, Consumer<String> progress, Runnable changed) {
        this.policy = policy;
        this.progress = progress;
        this.changed = changed;
        this.threads = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "privet-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() drops pending restarts
    }

    /** Supervises a child that was just launched: from now on its exit is a crash, and it is started again. */
    void supervise(Restartable child) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the supervisor is closed");
            }
            Ward ward = wards.computeIfAbsent(child, c -> new Ward());
            ward.launched(child.pid());
            watchExit(child, child.pid());
        }
        notifyChanged();
    }

    /** Stops supervising a child, so that the stop that follows is not a crash; cancels a pending restart. */
    void release(Restartable child) {
        synchronized (this) {
            Ward ward = wards.get(child);
            if (ward == null || ward.phase == Phase.STOPPED) {
                return;
            }
            ward.stopped();
        }
        notifyChanged();
    }

    synchronized Phase phase(Restartable child) {
        Ward ward = wards.get(child);
        return ward == null ? Phase.STOPPED : ward.phase;
    }

    /** How many times this supervisor started the child again after it exited. */
    synchronized int restarts(Restartable child) {
        Ward ward = wards.get(child);
        return ward == null ? 0 : ward.restarts;
    }

    /** Releases every child and ends the supervisor's threads; a restart under way finishes first. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            wards.values().forEach(Ward::stopped);
        }
        threads.shutdown(); // a restart or a state write under way finishes; nothing new starts
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchExit(Restartable child, long pid) {
        child.onExit().whenComplete((result, failure) -> run(() -> exited(child, pid)));
    }

    private void exited(Restartable child, long pid) {
        synchronized (this) {
            Ward ward = wards.get(child);
            if (closed || ward == null || ward.phase != Phase.RUNNING || ward.pid != pid) {
                return; // an orderly stop, or a process that was already replaced
            }
            Duration delay = ward.crashed(policy);
            progress.accept(child.name() + " exited with code " + child.exitCode() + "; restarting in " + seconds(delay)
                    + " (restart " + (ward.restarts + 1) + ")");
            ward.pending = schedule(() -> restart(child), delay);
        }
        notifyChanged();
    }

    private void restart(Restartable child) {
        synchronized (this) {
            Ward ward = wards.get(child);
            if (closed || ward == null || ward.phase != Phase.RESTARTING) {
                return;
            }
            ward.pending = null;
            ward.restarts++;
            try {
                child.launch();
            } catch (RuntimeException e) {
                Duration delay = ward.crashed(policy);
                String why = e instanceof ClusterStartException failure ? failure.headline() : String.valueOf(e);
                progress.accept(child.name() + " did not start (" + why + "); trying again in " + seconds(delay)
                        + " (restart " + (ward.restarts + 1) + ")");
                ward.pending = schedule(() -> restart(child), delay);
                return;
            }
            ward.launched(child.pid());
            watchExit(child, child.pid());
            int restart = ward.restarts;
            long pid = child.pid();
            Elapsed sinceLaunch = Elapsed.start();
            schedule(() -> reportWhenReady(child, pid, restart, sinceLaunch), READY_CHECK_INTERVAL);
        }
        notifyChanged();
    }

    /** Says when a restarted child answers its readiness check; a child that exits again is reported by {@link #exited}. */
    private void reportWhenReady(Restartable child, long pid, int restart, Elapsed sinceLaunch) {
        synchronized (this) {
            if (closed || child.pid() != pid || !child.isAlive()) {
                return;
            }
        }
        if (child.isReady()) { // outside the lock: the check may take seconds
            progress.accept(child.name() + " is ready again (restart " + restart + ", " + sinceLaunch + " after its start)");
        } else if (sinceLaunch.millis() < REPORT_READY_FOR_AT_MOST.toMillis()) {
            schedule(() -> reportWhenReady(child, pid, restart, sinceLaunch), READY_CHECK_INTERVAL);
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return threads.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            return null;
        }
    }

    private void run(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closing) {
            // the cluster is stopping: nothing to restart
        }
    }

    private void notifyChanged() {
        run(changed);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** What the supervisor knows of one child. */
    private static final class Ward {
        Phase phase = Phase.STOPPED;
        long pid = -1;
        long launchedAtNanos;
        int restarts;
        int crashesInARow;
        ScheduledFuture<?> pending;

        void launched(long newPid) {
            phase = Phase.RUNNING;
            pid = newPid;
            launchedAtNanos = System.nanoTime();
        }

        /** Counts a crash (or a failed launch) and returns the pause before the next try. */
        Duration crashed(RestartPolicy policy) {
            Duration uptime = phase == Phase.RUNNING ? Duration.ofNanos(System.nanoTime() - launchedAtNanos) : Duration.ZERO;
            crashesInARow = policy.crashesInARow(crashesInARow, uptime);
            phase = Phase.RESTARTING;
            return policy.delay(crashesInARow);
        }

        void stopped() {
            phase = Phase.STOPPED;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }
}
