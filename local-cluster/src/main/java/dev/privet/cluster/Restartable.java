package dev.privet.cluster;

import java.util.concurrent.CompletableFuture;

/**
 * A child process the {@link Supervisor} can start again. Each {@link #launch()} runs the same command as the first,
 * so a restarted child has the same ports, data directory and system properties: to its clients it is the same part
 * that was briefly away.
 */
interface Restartable {

    /** How log lines name it: {@code network-service}, {@code the Kafka broker}. */
    String name();

    /** Starts a new process. The previous one, if any, has exited. */
    void launch();

    /** The pid of the current (or last) process, -1 before the first launch. */
    long pid();

    boolean isAlive();

    /** The exit code of the last process; only once it has exited (137 = killed by SIGKILL). */
    int exitCode();

    /** Completes when the current process exits (at once if it has already). */
    CompletableFuture<?> onExit();

    /** Whether it answers its readiness check now; may take a second or two. */
    boolean isReady();
}
