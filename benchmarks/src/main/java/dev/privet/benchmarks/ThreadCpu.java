package dev.privet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU ticks of one process's threads, grouped by name with the digits folded ({@code data-plane-1-3} and
 * {@code data-plane-1-4} are {@code data-plane-#-#}; the kernel keeps 15 characters of a name): where a forwarder
 * spends its time, event loops against GC against the JIT.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static Map<String, Long> sample(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The ticks each group spent since {@code before} (threads that ended in between are not counted). */
    static Map<String, Long> since(long pid, Map<String, Long> before) {
        Map<String, Long> spent = new HashMap<>();
        sample(pid).forEach((name, t) -> spent.put(name, t - before.getOrDefault(name, 0L)));
        return spent;
    }

    /** The groups' shares of {@code spent}, largest first, those of at least 2%: "'data-plane-#-#' 81%, ...". */
    static String shares(Map<String, Long> spent) {
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return "no CPU";
        }
        return spent.entrySet().stream().filter(e -> e.getValue() * 50 >= total)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> "'" + e.getKey() + "' " + Math.round(100.0 * e.getValue() / total) + "%")
                .collect(Collectors.joining(", "));
    }
}
