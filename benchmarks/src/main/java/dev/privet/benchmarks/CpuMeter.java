package dev.privet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time from /proc, in ticks: of processes by pid (user + system; PostgreSQL's postmaster with all its backends),
 * of the children this driver waited for, and of the whole machine ({@code /proc/stat}); {@link #since} turns a
 * sample into seconds, with {@code others} the machine less everything named (other builds, the kernel's own work).
 */
final class CpuMeter {
    /** The column of the JIT: the compiler threads of the JVMs named by {@link #watchJit}, a part of their columns. */
    static final String JIT = "jit";
    /** How the kernel names a JIT compiler thread ({@code C1 CompilerThre}, {@code C2 ...}), digits folded. */
    private static final String COMPILER_THREAD = "C# CompilerThre";
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final List<String> jvms = new ArrayList<>();
    private final double ticksPerSecond = clockTicks();
    private String waitedChildren;

    /** The cluster's processes named in its cluster.properties (none without a data folder), and this driver. */
    static CpuMeter ofCluster(Path clusterDir) {
        CpuMeter meter = new CpuMeter();
        if (clusterDir != null) {
            ClusterState.read(clusterDir).ifPresent(state -> {
                for (String[] part : List.of(new String[]{"gateway", "service.gateway.pid"},
                        new String[]{"consumer", "service.consumer-service.pid"},
                        new String[]{"provider", "service.provider-service.pid"},
                        new String[]{"network", "service.network-service.pid"},
                        new String[]{"dns", "service.dns-service.pid"},
                        new String[]{"kafka", "kafka.pid"}, new String[]{"postgres", "postgres.pid"})) {
                    String pid = state.getProperty(part[1]);
                    if (pid != null && !pid.isBlank()) {
                        meter.watch(part[0], Long.parseLong(pid.trim()));
                    }
                }
            });
        }
        return meter.watch("bench", ProcessHandle.current().pid())
                .watchJit(List.of("gateway", "consumer", "provider", "network", "dns"));
    }

    /**
     * Also measure, as the column {@value #JIT}, the JIT compiler threads of these processes (already watched): how
     * much of their CPU a run spends compiling rather than serving, which tells a warm run from a cold one.
     */
    CpuMeter watchJit(List<String> names) {
        names.stream().filter(pids::containsKey).forEach(jvms::add);
        return this;
    }

    /** Measure this process too, under this name (the order of the calls is the order of the columns). */
    CpuMeter watch(String name, long pid) {
        pids.put(name, pid);
        return this;
    }

    /**
     * Measure, under this name, the children this driver has waited for (cutime + cstime of its own stat): the tools
     * it runs one after the other, such as dnsperf, counted once each has exited and been waited for.
     */
    CpuMeter watchWaitedChildren(String name) {
        waitedChildren = name;
        return this;
    }

    String describe() {
        return (pids.isEmpty() ? "none" : pids.toString()) + (waitedChildren == null ? "" : ", " + waitedChildren
                + " (this driver's waited-for children)") + " and the machine (/proc/stat)"
                + (pids.size() == 1 ? "; pass --cluster=<data folder> for the cluster's processes" : "");
    }

    Map<String, Long> sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            long t = processTicks(e.getValue(), false);
            if (e.getKey().equals("postgres")) { // the postmaster, its exited children, and its live backends
                t = processTicks(e.getValue(), true) + childrenTicks(e.getValue());
            }
            ticks.put(e.getKey(), t);
        }
        if (waitedChildren != null) {
            long self = ProcessHandle.current().pid();
            ticks.put(waitedChildren, processTicks(self, true) - processTicks(self, false));
        }
        ticks.put("machine", machineBusyTicks());
        if (!jvms.isEmpty()) {
            ticks.put(JIT, jvms.stream().mapToLong(name -> ThreadCpu.sample(pids.get(name))
                    .getOrDefault(COMPILER_THREAD, 0L)).sum());
        }
        return ticks;
    }

    Map<String, Double> since(Map<String, Long> before) {
        Map<String, Long> after = sample();
        Map<String, Double> seconds = new LinkedHashMap<>();
        before.forEach((k, v) -> seconds.put(k, Math.max(0, after.getOrDefault(k, v) - v) / ticksPerSecond));
        double ours = seconds.entrySet().stream().filter(e -> pids.containsKey(e.getKey())
                        || e.getKey().equals(waitedChildren)).mapToDouble(Map.Entry::getValue).sum();
        seconds.put("others", Math.max(0, seconds.get("machine") - ours)); // other builds, the kernel's own work
        Double jit = seconds.remove(JIT); // a part of the JVMs' columns: shown last, and not counted twice above
        if (jit != null) {
            seconds.put(JIT, jit);
        }
        return seconds;
    }

    /** utime + stime (+ cutime + cstime: waited-for children), fields 14-17 of /proc/pid/stat. */
    private static long processTicks(long pid, boolean withChildren) {
        String[] f = statFields(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    private static long childrenTicks(long parent) {
        long total = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = statFields(Long.parseLong(name));
                if (f != null && Long.parseLong(f[1]) == parent) {
                    total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** The fields after the command name: [0] = state (field 3), [1] = ppid, [11] = utime (field 14) ... */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Double.parseDouble(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
