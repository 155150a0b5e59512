package dev.privet.benchmarks;

import java.util.List;

/** How a benchmark driver ends: its total time, the problems it met, and exit status 1 when there were any. */
final class RunEnd {
    private RunEnd() {
    }

    static void exit(long beginNanos, List<String> failures) {
        System.out.printf("total time: %.0f s%n", (System.nanoTime() - beginNanos) / 1e9);
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("FAILED: " + failures.size() + " problem(s):");
            failures.forEach(f -> System.out.println("  " + f));
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
