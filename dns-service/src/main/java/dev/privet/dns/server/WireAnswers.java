package dev.privet.dns.server;

import dev.privet.dns.server.DnsAnswers.Transport;
import dev.privet.dns.zone.HeldAddress;
import dev.privet.dns.zone.NameRecords;
import dev.privet.dns.zone.ServedNames;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import java.net.Inet4Address;
import java.util.List;

/**
 * The answer to the common query, written straight in wire format: one question, of class IN, with or without an EDNS
 * record of version 0, for a name below the zone's apex. That is nearly every query a resolver sends, and building
 * it as dnsjava messages costs about twice what Unbound spends on a whole query (parsing, then the answer's
 * records, then encoding with name compression). Everything else, and any answer that would not fit the client's UDP
 * limit, is left to {@link DnsAnswers}' dnsjava path, and a test holds the two to the same answers.
 *
 * <p>The response is the query's first bytes (its id and the question, so the name keeps the case it was asked in)
 * with the header rewritten, then the answer records, each naming the question by a compression pointer, then the
 * zone's SOA when there is no answer, then an EDNS record when the query had one.
 */
final class WireAnswers {
    private static final int HEADER = 12;
    private static final int MAX_NAME = 253;
    private static final int OPT_LENGTH = 11;
    /** A record: pointer to the question's name, type A, class IN, TTL, length 4, then the address. */
    private static final int A_LENGTH = 16;
    private static final int FLAG_QR = 0x80;
    private static final int FLAG_AA = 0x04;
    private static final int FLAG_RD = 0x01;

    private final ServedNames names;
    private final byte[] soa;
    private final byte[] opt;

    /**
     * @param soa the zone's SOA record in wire format, named in full (no compression), as the authority of a miss
     * @param opt the EDNS record of a response, in wire format
     */
    WireAnswers(ServedNames names, byte[] soa, byte[] opt) {
        this.names = names;
        this.soa = soa.clone();
        this.opt = opt.clone();
    }

    /** The response, or null when the query is not of the common shape or the answer needs the dnsjava path. */
    byte[] answer(byte[] q, Transport transport) {
        int length = q.length;
        if (length < HEADER + 5 || (q[2] & 0xf8) != 0 // a response (QR), or an opcode other than QUERY
                || u16(q, 4) != 1 || u16(q, 6) != 0 || u16(q, 8) != 0 || u16(q, 10) > 1) {
            return null;
        }
        char[] name = new char[MAX_NAME];
        int nameLength = 0;
        int p = HEADER;
        for (int label = q[p] & 0xff; label != 0; label = q[p] & 0xff) {
            if (label > 63 || p + 1 + label >= length || nameLength + label + 1 > MAX_NAME) {
                return null; // a compression pointer, an extended label type, or too long: dnsjava decides
            }
            if (nameLength > 0) {
                name[nameLength++] = '.';
            }
            for (int i = p + 1; i <= p + label; i++) {
                int c = q[i] & 0xff;
                if (c <= ' ' || c >= 0x7f || c == '.' || c == '\\') {
                    return null; // a byte a name written as text would escape
                }
                name[nameLength++] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            p += 1 + label;
        }
        p++;
        if (p + 4 > length) {
            return null;
        }
        int type = u16(q, p);
        int questionEnd = p + 4;
        if (u16(q, p + 2) != DClass.IN || type == Type.ANY) {
            return null;
        }
        int udpLimit = DnsAnswers.CLASSIC_UDP_LIMIT;
        boolean edns = u16(q, 10) == 1;
        if (edns) { // only an OPT record of EDNS version 0, whatever its options, and nothing after it
            int o = questionEnd;
            if (o + OPT_LENGTH > length || q[o] != 0 || u16(q, o + 1) != Type.OPT || q[o + 6] != 0
                    || o + OPT_LENGTH + u16(q, o + 9) != length) {
                return null;
            }
            udpLimit = Math.clamp(u16(q, o + 3), DnsAnswers.CLASSIC_UDP_LIMIT, DnsAnswers.MAX_UDP_LIMIT);
        } else if (questionEnd != length) {
            return null;
        }
        String lowerName = new String(name, 0, nameLength);
        if (!DnsAnswers.isBelowApex(lowerName)) {
            return null; // the apex, or another zone
        }
        NameRecords records = names.find(lowerName).orElse(null);
        List<HeldAddress> addresses = records == null || type != Type.A ? List.of() : records.addresses();
        int answers = records == null || type != Type.A ? 0 : records.ipv4Count();
        int size = questionEnd + answers * A_LENGTH + (answers == 0 ? soa.length : 0) + (edns ? opt.length : 0);
        if (transport == Transport.UDP && size > udpLimit) {
            return null; // truncated: the dnsjava path
        }
        byte[] out = new byte[size];
        System.arraycopy(q, 0, out, 0, questionEnd);
        out[2] = (byte) (FLAG_QR | FLAG_AA | (q[2] & FLAG_RD));
        out[3] = (byte) (records == null ? Rcode.NXDOMAIN : Rcode.NOERROR);
        put16(out, 6, answers);
        put16(out, 8, answers == 0 ? 1 : 0);
        put16(out, 10, edns ? 1 : 0);
        int w = questionEnd;
        for (HeldAddress held : addresses) {
            if (held.address() instanceof Inet4Address v4) {
                w = putAddressRecord(out, w, v4.getAddress());
            }
        }
        if (answers == 0) {
            System.arraycopy(soa, 0, out, w, soa.length);
            w += soa.length;
        }
        if (edns) {
            System.arraycopy(opt, 0, out, w, opt.length);
        }
        return out;
    }

    private static int putAddressRecord(byte[] out, int w, byte[] address) {
        out[w] = (byte) 0xc0; // a pointer to the question's name, at offset 12
        out[w + 1] = HEADER;
        put16(out, w + 2, Type.A);
        put16(out, w + 4, DClass.IN);
        put16(out, w + 6, (int) (DnsAnswers.TTL >>> 16));
        put16(out, w + 8, (int) (DnsAnswers.TTL & 0xffff));
        put16(out, w + 10, address.length);
        System.arraycopy(address, 0, out, w + 12, address.length);
        return w + A_LENGTH;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
