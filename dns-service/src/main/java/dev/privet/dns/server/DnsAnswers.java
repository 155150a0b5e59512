package dev.privet.dns.server;

import dev.privet.dns.server.DnsQueryCounts.Path;
import dev.privet.dns.zone.HeldAddress;
import dev.privet.dns.zone.NameRecords;
import dev.privet.dns.zone.ServedNames;
import dev.privet.dns.zone.ServedZone;
import org.xbill.DNS.CNAMERecord;
import org.jboss.logging.Logger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers DNS queries for endpoint names and hosted zones from {@link ServedNames}, in memory: authoritative for
 * {@code vpce.amazonaws.com} (A records of published names; the zone's SOA and NS at its apex; NXDOMAIN for the rest
 * of the zone, NOERROR with no data for a type a name does not have, both with the SOA in the authority section, so
 * resolvers cache the miss for its minimum TTL) and for every hosted zone (the zone found by the name's suffix, then
 * its records: {@link #answerInHostedZone}), REFUSED for any other name: no recursion. A packet that is not a
 * query, or cannot be read, gets no answer at all.
 */
public final class DnsAnswers {
    private static final Logger LOG = Logger.getLogger(DnsAnswers.class);
    static final long TTL = 60;
    static final String ZONE = "vpce.amazonaws.com";
    private static final String DOT_ZONE = "." + ZONE;
    private static final Name ZONE_NAME = Name.fromConstantString(ZONE + ".");
    private static final Name NAME_SERVER = Name.fromConstantString("ns.privet.internal.");
    private static final SOARecord SOA = new SOARecord(ZONE_NAME, DClass.IN, TTL, NAME_SERVER,
            Name.fromConstantString("hostmaster.privet.internal."), 1, 3600, 600, 86400, TTL);
    private static final NSRecord NS = new NSRecord(ZONE_NAME, DClass.IN, TTL, NAME_SERVER);
    static final int CLASSIC_UDP_LIMIT = 512;
    static final int MAX_UDP_LIMIT = 4096;
    private static final int TCP_LIMIT = 65535;
    /** How many CNAMEs an answer follows. */
    static final int MAX_CNAME_CHAIN = 8;

    /** How the query came: UDP answers are truncated to what the client can take, TCP ones are not. */
    public enum Transport { UDP, TCP }

    private final ServedNames names;
    private final WireAnswers wire;
    private final DnsQueryCounts counts;

    public DnsAnswers(ServedNames names) {
        this(names, new DnsQueryCounts());
    }

    DnsAnswers(ServedNames names, DnsQueryCounts counts) {
        this.names = names;
        this.wire = new WireAnswers(names, SOA.toWire(Section.AUTHORITY), edns().toWire(Section.ADDITIONAL));
        this.counts = counts;
    }

    /** The response in wire format, or empty when the packet is to be dropped (malformed, or not a query). */
    public Optional<byte[]> answer(byte[] packet, Transport transport) {
        byte[] common = wire.answer(packet, transport);
        if (common != null) {
            counts.answered(Path.WIRE, common);
            return Optional.of(common);
        }
        Optional<byte[]> answer = answerWithDnsjava(packet, transport);
        if (answer.isPresent()) {
            counts.answered(Path.DNSJAVA, answer.get());
        } else {
            counts.dropped(Path.DNSJAVA);
        }
        return answer;
    }

    /** The same answers as {@link #answer}, every one built as dnsjava messages: for any query, and for tests. */
    Optional<byte[]> answerWithDnsjava(byte[] packet, Transport transport) {
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("dropping a malformed DNS packet of %d bytes: %s", packet.length, e);
            return Optional.empty();
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return Optional.empty(); // a response, not a query: answering it could start a loop
        }
        Message response = respond(query);
        return Optional.of(response.toWire(transport == Transport.TCP ? TCP_LIMIT : udpLimit(query)));
    }

    private Message respond(Message query) {
        Message response = new Message(query.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        header.setOpcode(query.getHeader().getOpcode());
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            header.setRcode(Rcode.NOTIMP);
            return response;
        }
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            header.setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        String name = lowerCase(question.getName());
        Optional<ServedZone> hosted = isInZone(name) ? Optional.empty() : names.zoneOf(name);
        if ((!isInZone(name) && hosted.isEmpty()) || question.getDClass() != DClass.IN) {
            header.setRcode(Rcode.REFUSED);
            return response;
        }
        header.setFlag(Flags.AA);
        if (query.getOPT() != null) {
            response.addRecord(edns(), Section.ADDITIONAL);
        }
        if (hosted.isPresent()) {
            answerInHostedZone(response, question.getName(), question.getType(), name, hosted.get());
        } else {
            answerInZone(response, question, name);
        }
        return response;
    }

    private void answerInZone(Message response, Record question, String name) {
        if (name.equals(ZONE)) {
            answerAtApex(response, question.getType());
            return;
        }
        Optional<NameRecords> records = names.find(name);
        if (records.isEmpty()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(SOA, Section.AUTHORITY);
            return;
        }
        int type = question.getType();
        if (type == Type.A || type == Type.ANY) {
            addAddresses(response, question.getName(), records.get());
        }
        if (response.getHeader().getCount(Section.ANSWER) == 0) {
            response.addRecord(SOA, Section.AUTHORITY); // NODATA: the name exists, not with this type
        }
    }

    private static void addAddresses(Message response, Name owner, NameRecords records) {
        for (HeldAddress held : records.addresses()) {
            if (held.address() instanceof Inet4Address v4) {
                response.addRecord(new ARecord(owner, DClass.IN, TTL, v4), Section.ANSWER);
            }
        }
    }

    /**
     * A hosted zone's answer: the records of the name and type (every type for ANY), owned by the name as asked; a
     * CNAME for any other type at its name, followed while its target is in Privet's zones (at most
     * {@value #MAX_CNAME_CHAIN} steps, so a loop ends); NXDOMAIN for a name the zone does not have and NOERROR with
     * no data for a type it lacks, both with the SOA of the zone that said so.
     */
    private void answerInHostedZone(Message response, Name asked, int type, String name, ServedZone zone) {
        Name owner = asked;
        String lower = name;
        ServedZone at = zone;
        for (int step = 0; ; step++) {
            if (!at.exists(lower)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                response.addRecord(at.soa(), Section.AUTHORITY);
                return;
            }
            List<Record> cname = at.records(lower, Type.CNAME);
            if (cname.isEmpty() || type == Type.CNAME || type == Type.ANY) {
                List<Record> found = type == Type.ANY ? at.allRecords(lower) : at.records(lower, type);
                for (Record record : found) {
                    response.addRecord(record.withName(owner), Section.ANSWER);
                }
                if (found.isEmpty()) {
                    response.addRecord(at.soa(), Section.AUTHORITY); // NODATA
                }
                return;
            }
            response.addRecord(cname.getFirst().withName(owner), Section.ANSWER);
            owner = ((CNAMERecord) cname.getFirst()).getTarget();
            lower = lowerCase(owner);
            if (step == MAX_CNAME_CHAIN) {
                return;
            }
            if (isBelowApex(lower)) { // an endpoint's name
                Optional<NameRecords> records = names.find(lower);
                if (records.isEmpty()) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                } else if (type == Type.A) {
                    addAddresses(response, owner, records.get());
                }
                return;
            }
            Optional<ServedZone> next = names.zoneOf(lower);
            if (next.isEmpty()) {
                return; // outside Privet's zones: the resolver follows it
            }
            at = next.get();
        }
    }

    private static String lowerCase(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    /** The zone's own name has its SOA and NS records, and nothing else. */
    private static void answerAtApex(Message response, int type) {
        if (type == Type.SOA || type == Type.ANY) {
            response.addRecord(SOA, Section.ANSWER);
        }
        if (type == Type.NS || type == Type.ANY) {
            response.addRecord(NS, Section.ANSWER);
        }
        if (response.getHeader().getCount(Section.ANSWER) == 0) {
            response.addRecord(SOA, Section.AUTHORITY);
        }
    }

    private static boolean isInZone(String name) {
        return name.equals(ZONE) || isBelowApex(name);
    }

    /** Whether a lower-case name without its final dot is in the zone, other than its apex. */
    static boolean isBelowApex(String name) {
        return name.endsWith(DOT_ZONE);
    }

    /** The EDNS record of a response: the largest UDP payload this server sends. */
    private static OPTRecord edns() {
        return new OPTRecord(MAX_UDP_LIMIT, 0, 0);
    }

    /** 512 bytes, or what the client's EDNS record says it takes (bounded). */
    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? CLASSIC_UDP_LIMIT : Math.clamp(opt.getPayloadSize(), CLASSIC_UDP_LIMIT, MAX_UDP_LIMIT);
    }
}
