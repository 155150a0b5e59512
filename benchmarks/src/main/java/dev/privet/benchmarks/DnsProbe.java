package dev.privet.benchmarks;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One DNS server on 127.0.0.1 asked one query at a time over UDP (dnsjava): whether it answers yet, and whether its
 * answers are the records it should serve. Not a load: dnsperf is.
 */
final class DnsProbe {
    /** A name that no endpoint has: the zone's NXDOMAIN. */
    static final String UNKNOWN = "vpce-00000000000000000-nothing.vpce-svc-00000000000000000.us-east-1.vpce.amazonaws.com";

    private final String label;
    private final SimpleResolver resolver;

    DnsProbe(String label, int port) throws IOException {
        this.label = label;
        this.resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(port);
        resolver.setTimeout(Duration.ofSeconds(2));
    }

    /** Asks for {@code name} until the server answers NOERROR, while {@code alive}, for at most {@code timeout}. */
    void awaitAnswer(String name, Duration timeout, BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                Message answer = query(name);
                if (answer.getRcode() == Rcode.NOERROR) {
                    return;
                }
                last = Rcode.string(answer.getRcode());
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(label + " does not answer " + name + " (" + last + ")");
    }

    /**
     * Every name once: what differs from its records (another rcode, other addresses), and the unknown name's answer
     * unless it is NXDOMAIN with the zone's SOA in the authority section. Empty when all is as published.
     */
    List<String> differences(List<PublishedNames.Name> names) {
        List<String> differences = new ArrayList<>();
        for (PublishedNames.Name expected : names) {
            try {
                Message answer = query(expected.name());
                List<String> addresses = answer.getSection(Section.ANSWER).stream().filter(r -> r.getType() == Type.A)
                        .map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
                if (answer.getRcode() != Rcode.NOERROR || !addresses.equals(expected.addresses())) {
                    differences.add(expected.name() + ": " + Rcode.string(answer.getRcode()) + " " + addresses
                            + ", published " + expected.addresses());
                }
            } catch (IOException e) {
                differences.add(expected.name() + ": " + e);
            }
        }
        try {
            Message answer = query(UNKNOWN);
            boolean soa = answer.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
            if (answer.getRcode() != Rcode.NXDOMAIN || !soa) {
                differences.add(UNKNOWN + ": " + Rcode.string(answer.getRcode()) + (soa ? "" : " without the SOA"));
            }
        } catch (IOException e) {
            differences.add(UNKNOWN + ": " + e);
        }
        return differences;
    }

    String label() {
        return label;
    }

    private Message query(String name) throws IOException {
        Record question = Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN);
        return resolver.send(Message.newQuery(question));
    }
}
