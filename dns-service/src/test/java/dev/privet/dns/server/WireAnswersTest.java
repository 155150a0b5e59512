package dev.privet.dns.server;

import dev.privet.dns.domain.AnsweredAddress;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.dns.server.DnsAnswers.Transport;
import dev.privet.dns.zone.Publications;
import dev.privet.dns.zone.ServedNames;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire path answers exactly as the dnsjava path does, for every query it takes, and passes on the rest. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WireAnswersTest {
    static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String NAME = Publications.regional(ENDPOINT);
    static final String CROWDED = "crowded.vpce.amazonaws.com";
    static final String HOSTED_ZONE = "ZABCDEFGHIJKLM";
    final ServedNames names = new ServedNames(AnsweredAddress.DATA_PLANE);
    final DnsAnswers answers = new DnsAnswers(names);
    final WireAnswers wire = new WireAnswers(names, new byte[0], new byte[0]);

    WireAnswersTest() {
        names.apply(Publications.envelope(Publications.published(ENDPOINT, "10.0.2.4", "10.0.1.4")));
        List<EndpointInterface> many = IntStream.range(0, 40)
                .mapToObj(i -> Publications.eni("us-east-1a", "10.0.3." + i)).toList();
        names.apply(Publications.envelope(new EndpointDnsPublished("vpce-0000000000000000c", Publications.SERVICE,
                List.of(new DnsEntry(CROWDED, "Z7HUB22UULQXV")), many)));
        names.apply(Publications.envelope(new HostedZoneCreated(HOSTED_ZONE, "example.com.", "111122223333", "r",
                null)));
        names.apply(Publications.envelope(new RecordSetsChanged(HOSTED_ZONE, "C1", List.of(
                put("www.example.com.", "A", "192.0.2.1"), put("www.example.com.", "AAAA", "2001:db8::1"),
                put("api.example.com.", "CNAME", "www.example.com."),
                put("to-endpoint.example.com.", "CNAME", NAME + "."),
                put("_privet-verify.example.com.", "TXT", "\"vpce:abc123\"")))));
    }

    static RecordSetChange put(String name, String type, String value) {
        return new RecordSetChange("CREATE", new RecordSet(name, type, 300, List.of(value)));
    }

    @Test
    void every_query_gets_the_same_answer_from_both_paths() throws IOException {
        List<String> asked = List.of(NAME, NAME.toUpperCase(), Publications.zonal(ENDPOINT, "us-east-1a"),
                "vpce-0000.vpce-svc-0.us-east-1.vpce.amazonaws.com", "vpce.amazonaws.com", "VPCE.amazonaws.com",
                "example.com", CROWDED, "www.example.com", "API.example.com", "to-endpoint.example.com",
                "_privet-verify.example.com", "nothing.example.com", "example.org");
        int[] types = {Type.A, Type.AAAA, Type.TXT, Type.MX, Type.SOA, Type.NS, Type.CNAME, Type.ANY};
        int common = 0;
        for (String name : asked) {
            for (int type : types) {
                for (int edns = 0; edns < 3; edns++) {
                    for (boolean recursionDesired : new boolean[] {true, false}) {
                        for (Transport transport : Transport.values()) {
                            byte[] query = query(name, type, edns, recursionDesired);
                            String description = name + " " + Type.string(type) + " edns " + edns + " rd "
                                    + recursionDesired + " " + transport;
                            byte[] fast = answers.answer(query, transport).orElseThrow();
                            byte[] full = answers.answerWithDnsjava(query, transport).orElseThrow();
                            assertThat(readable(fast)).as(description).isEqualTo(readable(full));
                            if (new WireAnswers(names, new byte[0], new byte[0]).answer(query, transport) != null) {
                                common++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(common).as("queries the wire path took").isGreaterThan(200);
    }

    @Test
    void names_below_the_apex_of_the_common_shape_take_the_wire_path_and_the_rest_do_not() throws IOException {
        Message upper = new Message(wire.answer(query(NAME.toUpperCase(), Type.A, 0, true), Transport.UDP));
        assertThat(upper.getQuestion().getName().toString()).as("the case it was asked in")
                .isEqualTo(NAME.toUpperCase() + ".");
        assertThat(upper.getSection(Section.ANSWER)).extracting(r -> r.getName().toString())
                .containsOnly(NAME.toUpperCase() + ".");
        assertThat(wire.answer(query("nothing.vpce.amazonaws.com", Type.AAAA, 2, true), Transport.UDP)).isNotNull();

        assertThat(wire.answer(query("vpce.amazonaws.com", Type.SOA, 0, true), Transport.UDP)).as("apex").isNull();
        assertThat(wire.answer(query("example.com", Type.A, 0, true), Transport.UDP)).as("other zone").isNull();
        assertThat(wire.answer(query("www.example.com", Type.A, 0, true), Transport.UDP)).as("hosted zone").isNull();
        assertThat(wire.answer(query(NAME, Type.ANY, 0, true), Transport.UDP)).as("ANY").isNull();
        assertThat(wire.answer(query(CROWDED, Type.A, 0, true), Transport.UDP)).as("beyond 512 bytes").isNull();
        assertThat(wire.answer(query(CROWDED, Type.A, 0, true), Transport.TCP)).as("over TCP").isNotNull();
    }

    @Test
    void an_answer_beyond_the_clients_UDP_limit_comes_truncated_and_whole_over_TCP() throws IOException {
        Message udp = new Message(answers.answer(query(CROWDED, Type.A, 0, true), Transport.UDP).orElseThrow());
        Message tcp = new Message(answers.answer(query(CROWDED, Type.A, 0, true), Transport.TCP).orElseThrow());
        Message edns = new Message(answers.answer(query(CROWDED, Type.A, 1, true), Transport.UDP).orElseThrow());

        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(40);
        assertThat(edns.getHeader().getFlag(Flags.TC)).as("4096 bytes fit").isFalse();
        assertThat(edns.getSection(Section.ANSWER)).hasSize(40);
    }

    @Test
    void random_and_mangled_packets_never_throw_and_every_answer_is_a_readable_message() throws IOException {
        Random random = new Random(42);
        List<byte[]> valid = new ArrayList<>();
        for (String name : List.of(NAME, "x.vpce.amazonaws.com", "vpce.amazonaws.com", "example.com")) {
            for (int edns = 0; edns < 3; edns++) {
                valid.add(query(name, Type.A, edns, true));
            }
        }
        for (int i = 0; i < 200_000; i++) {
            byte[] packet;
            if (i % 4 == 0) {
                packet = new byte[random.nextInt(600)];
                random.nextBytes(packet);
            } else {
                byte[] base = valid.get(random.nextInt(valid.size()));
                packet = java.util.Arrays.copyOf(base, Math.max(0, base.length + random.nextInt(9) - 4));
                for (int flips = 1 + random.nextInt(4); flips > 0 && packet.length > 0; flips--) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
            }
            for (Transport transport : Transport.values()) {
                var response = answers.answer(packet, transport);
                if (response.isPresent()) {
                    new Message(response.get()); // throws if it is not a readable message
                }
            }
        }
    }

    /**
     * The message as dig would print it, less its size, and in lower case: the wire path names the SOA in full,
     * dnsjava compresses its name to the question's (so it takes the question's case) and its data's names.
     */
    static String readable(byte[] message) throws IOException {
        return new Message(message).toString().replaceAll(";; Message size: \\d+ bytes", "").toLowerCase(Locale.ROOT);
    }

    /** A query as a resolver sends it; {@code edns} 1 adds an OPT record, 2 one with a cookie, as dig sends. */
    static byte[] query(String name, int type, int edns, boolean recursionDesired) throws IOException {
        Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        if (edns == 1) {
            query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        } else if (edns == 2) {
            query.addRecord(new OPTRecord(4096, 0, 0, 0,
                    List.of(new CookieOption(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))), Section.ADDITIONAL);
        }
        return query.toWire();
    }
}
