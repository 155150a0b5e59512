package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
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

    /** The strings of the TXT records of {@code name}; fails the test unless the lookup succeeds. */
    static List<String> txt(LocalCluster cluster, String name) throws TextParseException {
        Lookup lookup = lookup(cluster, name, Type.TXT);
        Record[] answers = lookup.run();
        assertThat(lookup.getResult()).as("lookup of %s: %s", name, lookup.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
        return Arrays.stream(answers).flatMap(r -> ((TXTRecord) r).getStrings().stream()).toList();
    }

    /** The response code dns-service answers a query for {@code name}'s A records with (Rcode.NOERROR, REFUSED...). */
    static int rcode(LocalCluster cluster, String name) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
        return resolver(cluster).send(query).getRcode();
    }

    private static Lookup lookup(LocalCluster cluster, String name) throws TextParseException {
        return lookup(cluster, name, Type.A);
    }

    private static Lookup lookup(LocalCluster cluster, String name, int type) throws TextParseException {
        Lookup lookup = new Lookup(Name.fromString(name + "."), type);
        lookup.setResolver(resolver(cluster));
        lookup.setCache(null);
        return lookup;
    }

    private static SimpleResolver resolver(LocalCluster cluster) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", cluster.dnsPort()));
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }
}
