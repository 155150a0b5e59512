package dev.privet.cluster;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Makes a child die with the launcher: a tiny {@code sh} loop that, once the launcher's process is
 * gone (even after {@code kill -9}, when no shutdown hook runs), sends the child a signal, then
 * {@code SIGKILL} if it is still there 20 s later. The loop ends by itself when the child ends.
 */
final class OrphanGuard {

    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
            if kill -0 "$2" 2>/dev/null; then
              kill -s "$3" "$2" 2>/dev/null
              i=0
              while [ "$i" -lt 20 ] && kill -0 "$2" 2>/dev/null; do sleep 1; i=$((i+1)); done
              kill -s KILL "$2" 2>/dev/null
            fi
            """;

    private OrphanGuard() {
    }

    /**
     * Watches {@code childPid} on behalf of this JVM.
     *
     * @param signal the first signal to send: {@code TERM}, or {@code INT} for PostgreSQL's fast shutdown
     */
    static void watch(long childPid, String signal) {
        List<String> command = List.of("sh", "-c", SCRIPT, "privet-orphan-guard",
                Long.toString(ProcessHandle.current().pid()), Long.toString(childPid), signal);
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // Without sh the shutdown hook still stops children; only a kill -9 of the launcher leaks them.
            System.err.println("privet: cannot start the orphan guard for pid " + childPid + ": " + e.getMessage());
        }
    }
}
