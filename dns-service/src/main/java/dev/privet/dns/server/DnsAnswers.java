package dev.privet.dns.server;

import org.jboss.logging.Logger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers DNS queries for endpoint names: authoritative for {@code vpce.amazonaws.com} (A records of published
 * names, NXDOMAIN for the rest of the zone), REFUSED for any other zone. It never throws: a packet that is not a
 * query gets no answer at all.
 */
public final class DnsAnswers {
    private static final Logger LOG = Logger.getLogger(DnsAnswers.class);
    static final long TTL = 60;
    static final String ZONE = "vpce.amazonaws.com";
    private static final Name ZONE_NAME = Name.fromConstantString(ZONE + ".");
    private static final SOARecord SOA = new SOARecord(ZONE_NAME, DClass.IN, TTL,
            Name.fromConstantString("ns.privet.internal."), Name.fromConstantString("hostmaster.privet.internal."),
            1, 3600, 600, 86400, TTL);
    private static final int CLASSIC_UDP_LIMIT = 512;
    private static final int MAX_UDP_LIMIT = 4096;
    private static final int TCP_LIMIT = 65535;

    /** How the query came: UDP answers are truncated to what the client can take, TCP ones are not. */
    public enum Transport { UDP, TCP }

    private final NameLookup lookup;

    public DnsAnswers(NameLookup lookup) {
        this.lookup = lookup;
    }

    /** The response in wire format, or empty when the packet is to be dropped (malformed, or not a query). */
    public Optional<byte[]> answer(byte[] packet, Transport transport) {
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
        String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
        if (!isInZone(name) || question.getDClass() != DClass.IN) {
            header.setRcode(Rcode.REFUSED);
            return response;
        }
        header.setFlag(Flags.AA);
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(MAX_UDP_LIMIT, 0, 0), Section.ADDITIONAL);
        }
        try {
            answerInZone(response, question, name);
        } catch (Exception e) {
            LOG.warnf("cannot look up %s: %s", name, e.toString());
            header.unsetFlag(Flags.AA);
            header.setRcode(Rcode.SERVFAIL);
        }
        return response;
    }

    private void answerInZone(Message response, Record question, String name) throws Exception {
        List<String> addresses = lookup.addresses(name);
        boolean apex = name.equals(ZONE);
        if (addresses.isEmpty() && !apex) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(SOA, Section.AUTHORITY);
            return;
        }
        int type = question.getType();
        if (type == Type.A || type == Type.ANY) {
            for (String address : addresses) {
                response.addRecord(new ARecord(question.getName(), DClass.IN, TTL, InetAddress.getByName(address)),
                        Section.ANSWER);
            }
        }
        if (apex && type == Type.SOA) {
            response.addRecord(SOA, Section.ANSWER);
        }
        if (response.getHeader().getCount(Section.ANSWER) == 0) {
            response.addRecord(SOA, Section.AUTHORITY); // NODATA: the name exists, not with this type
        }
    }

    private static boolean isInZone(String name) {
        return name.equals(ZONE) || name.endsWith("." + ZONE);
    }

    /** 512 bytes, or what the client's EDNS record says it takes (bounded). */
    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? CLASSIC_UDP_LIMIT : Math.clamp(opt.getPayloadSize(), CLASSIC_UDP_LIMIT, MAX_UDP_LIMIT);
    }
}
