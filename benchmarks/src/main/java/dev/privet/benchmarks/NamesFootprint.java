package dev.privet.benchmarks;

import dev.privet.dns.domain.AnsweredAddress;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.dns.zone.ServedNames;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Memory per name of the DNS server's served names ({@code dev.privet.dns.zone.ServedNames}), in this JVM: the heap
 * in use after a full collection, before and after applying publications of endpoints with two interfaces in two
 * zones (a regional name with both addresses, a zonal name with one each: three names per endpoint), as dns-service
 * builds them from its store at start. The events are made after the first measurement and dropped before the
 * second, so what the served names keep of them (the names' and ids' strings among it) is counted, and nothing
 * else. It also times the applying, which is what a start-up replay of the store costs beyond
 * reading it. Usage: {@code java -cp privet-benchmarks.jar dev.privet.benchmarks.NamesFootprint [--names=100000]
 * [--runs=3]}.
 */
public final class NamesFootprint {
    private static final String SERVICE = "vpce-svc-0123456789abcdef0";
    private static final int NAMES_PER_ENDPOINT = 3;

    private NamesFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        Flags flags = Flags.parse(args, Map.of("names", "100000", "runs", "3"));
        int endpoints = flags.integer("names") / NAMES_PER_ENDPOINT;
        System.out.printf("served names: %,d endpoints of %d names each; %s, max heap %,d MiB%n", endpoints,
                NAMES_PER_ENDPOINT, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        for (int run = 1; run <= flags.integer("runs"); run++) {
            long before = liveHeap();
            List<EventEnvelope> log = publications(endpoints);
            ServedNames names = new ServedNames(AnsweredAddress.DATA_PLANE);
            long start = System.nanoTime();
            log.forEach(names::apply);
            double seconds = (System.nanoTime() - start) / 1e9;
            log = null; // only the served names stay reachable
            long after = liveHeap();
            System.out.printf("run %d: %,d names, %,d bytes each (%.1f MiB in all); applied %,d events in %.2f s (%,.0f/s)%n",
                    run, names.size(), (after - before) / names.size(), (after - before) / 1048576.0, endpoints,
                    seconds, endpoints / seconds);
        }
    }

    /** One publication per endpoint, as the dns-service's reaction records them. */
    private static List<EventEnvelope> publications(int endpoints) {
        List<EventEnvelope> log = new ArrayList<>(endpoints);
        for (int i = 0; i < endpoints; i++) {
            String endpoint = String.format("vpce-%017x", i);
            String suffix = String.format("%08x", i);
            String regional = endpoint + "-" + suffix + "." + SERVICE + ".us-east-1.vpce.amazonaws.com";
            List<DnsEntry> entries = List.of(new DnsEntry(regional, "Z7HUB22UULQXV"),
                    new DnsEntry(zonal(endpoint, suffix, "us-east-1a"), "Z7HUB22UULQXV"),
                    new DnsEntry(zonal(endpoint, suffix, "us-east-1b"), "Z7HUB22UULQXV"));
            List<EndpointInterface> interfaces = List.of(
                    new EndpointInterface(String.format("eni-%017x", 2 * i), "subnet-0123456789abcdef0", "us-east-1a",
                            address(10, 2 * i), address(127, 2 * i)),
                    new EndpointInterface(String.format("eni-%017x", 2 * i + 1), "subnet-0123456789abcdef1",
                            "us-east-1b", address(11, 2 * i + 1), address(127, 2 * i + 1)));
            var event = new EndpointDnsPublished(endpoint, SERVICE, entries, interfaces);
            log.add(new EventEnvelope(UUID.randomUUID(), event.streamId(), event.streamType(), 1, 1, Instant.now(),
                    EventMetadata.forRequest("111122223333"), event));
        }
        return log;
    }

    private static String zonal(String endpoint, String suffix, String zone) {
        return endpoint + "-" + suffix + "-" + zone + "." + SERVICE + ".us-east-1.vpce.amazonaws.com";
    }

    private static String address(int first, int n) {
        return first + "." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** The heap in use once a few full collections have run: what is reachable. */
    private static long liveHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
