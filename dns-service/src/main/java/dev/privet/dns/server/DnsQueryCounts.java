package dev.privet.dns.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The queries the server answered, by answer and by the path that built it ({@value #NAME}). A query costs one
 * {@link LongAdder} increment, chosen by indexing from the response's rcode and answer count: no tag lookup and no
 * shared counter the UDP threads would contend on. The registry reads the adders when it is scraped.
 */
final class DnsQueryCounts {
    static final String NAME = "privet.dns.queries";

    /** Which code answered: {@link WireAnswers}' fast path, or dnsjava's messages for everything else. */
    enum Path { WIRE, DNSJAVA }

    /** What the client got; NODATA is NOERROR with no answer record, DROPPED is no response at all. */
    enum Answer { NOERROR, NODATA, NXDOMAIN, REFUSED, FORMERR, NOTIMP, OTHER, DROPPED }

    private static final int NOERROR = 0;
    private static final int FORMERR = 1;
    private static final int NXDOMAIN = 3;
    private static final int NOTIMP = 4;
    private static final int REFUSED = 5;

    private final LongAdder[] counts = new LongAdder[Path.values().length * Answer.values().length];

    DnsQueryCounts() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void answered(Path path, byte[] response) {
        counts[index(path, answerOf(response))].increment();
    }

    void dropped(Path path) {
        counts[index(path, Answer.DROPPED)].increment();
    }

    long count(Path path, Answer answer) {
        return counts[index(path, answer)].sum();
    }

    /** One counter per path and answer, made once, reading its adder. */
    void register(MeterRegistry registry) {
        for (Path path : Path.values()) {
            for (Answer answer : Answer.values()) {
                FunctionCounter.builder(NAME, counts[index(path, answer)], LongAdder::sum)
                        .description("DNS queries, by the answer sent and the path that built it")
                        .tag("path", path.name().toLowerCase(Locale.ROOT)).tag("answer", answer.name())
                        .register(registry);
            }
        }
    }

    private static int index(Path path, Answer answer) {
        return path.ordinal() * Answer.values().length + answer.ordinal();
    }

    /** The rcode is the low four bits of byte 3, the answer count bytes 6 and 7 (RFC 1035, 4.1.1). */
    private static Answer answerOf(byte[] response) {
        return switch (response[3] & 0x0f) {
            case NOERROR -> response[6] == 0 && response[7] == 0 ? Answer.NODATA : Answer.NOERROR;
            case NXDOMAIN -> Answer.NXDOMAIN;
            case REFUSED -> Answer.REFUSED;
            case FORMERR -> Answer.FORMERR;
            case NOTIMP -> Answer.NOTIMP;
            default -> Answer.OTHER;
        };
    }
}
