package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Looks names up at a cluster's dns-service, as a client in the consumer's VPC would: over UDP, without a cache. */
final class ClusterDns {
    private ClusterDns() {
    }

    /** The A records of {@code name}; fails the test unless the lookup succeeds. */
    static List<String> resolve(LocalCluster cluster, String name) throws TextParseException {
        Lookup lookup = lookup(cluster, name);
        Record[] answers = lookup.run();
        assertThat(lookup.getResult()).as("lookup of %s: %s", name, lookup.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
        return Arrays.stream(answers).map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    /** Whether dns-service answers that {@code name} does not exist (NXDOMAIN). */
    static boolean isMissing(LocalCluster cluster, String name) throws TextParseException {
        Lookup lookup = lookup(cluster, name);
        lookup.run();
        return lookup.getResult() == Lookup.HOST_NOT_FOUND;
    }

    private static Lookup lookup(LocalCluster cluster, String name) throws TextParseException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", cluster.dnsPort()));
        resolver.setTimeout(Duration.ofSeconds(5));
        Lookup lookup = new Lookup(Name.fromString(name + "."), Type.A);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        return lookup;
    }
}
