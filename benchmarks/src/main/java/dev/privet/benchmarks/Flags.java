package dev.privet.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A driver's {@code --name=value} flags over its defaults ({@code --name} alone is {@code true}); unknown ones fail. */
final class Flags {
    private final Map<String, String> values;
    private final Set<String> given;

    private Flags(Map<String, String> values, Set<String> given) {
        this.values = values;
        this.given = given;
    }

    static Flags parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        Set<String> given = new HashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            if (!defaults.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown flag --" + kv[0] + "; known: " + defaults.keySet());
            }
            values.put(kv[0], kv.length == 2 ? kv[1] : "true");
            given.add(kv[0]);
        }
        return new Flags(values, given);
    }

    String text(String name) {
        return values.get(name);
    }

    /** An integer; {@code 1_000} reads as 1000. */
    int integer(String name) {
        return Integer.parseInt(values.get(name).replace("_", ""));
    }

    double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    boolean bool(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    /** Whether the command line named it (else the default, or what the cluster says, holds). */
    boolean given(String name) {
        return given.contains(name);
    }

    /** Only loopback: a driver never loads another machine. */
    static void requireLoopback(String flag, String host) {
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException(flag + " must name 127.0.0.1 (or localhost), not " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(flag + ": unknown host " + host, e);
        }
    }
}
