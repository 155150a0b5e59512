package dev.privet.network.domain;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A PROXY protocol version 2 header, as a network load balancer sends it to a target group with
 * {@code proxy_protocol_v2.enabled}: the client's address and port, the address and port it connected to, and AWS's
 * TLV naming the endpoint the connection came through (type {@code 0xEA}, subtype {@code 0x01}, the endpoint's id in
 * ASCII), so a provider can tell its consumers apart.
 */
public final class ProxyHeader {
    /** The twelve bytes every version 2 header starts with. */
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    static final int VERSION_2_PROXY = 0x21;
    static final int TCP_OVER_IPV4 = 0x11;
    static final int TCP_OVER_IPV6 = 0x21;
    public static final int PP2_TYPE_AWS = 0xEA;
    public static final int PP2_SUBTYPE_AWS_VPCE_ID = 0x01;

    private ProxyHeader() {
    }

    /** The header for a connection from {@code client} to {@code local} through the endpoint {@code vpcEndpointId}. */
    public static byte[] v2(InetSocketAddress client, InetSocketAddress local, String vpcEndpointId) {
        byte[] source = client.getAddress().getAddress();
        byte[] destination = local.getAddress().getAddress();
        if (source.length != destination.length) { // one end IPv4, the other IPv6: both as IPv6
            source = mapped(source);
            destination = mapped(destination);
        }
        boolean ipv4 = source.length == 4;
        byte[] id = vpcEndpointId.getBytes(StandardCharsets.US_ASCII);
        int tlvLength = 1 + id.length;
        int length = 2 * source.length + 4 + 3 + tlvLength;

        ByteArrayOutputStream header = new ByteArrayOutputStream(16 + length);
        header.writeBytes(SIGNATURE);
        header.write(VERSION_2_PROXY);
        header.write(ipv4 ? TCP_OVER_IPV4 : TCP_OVER_IPV6);
        writeShort(header, length);
        header.writeBytes(source);
        header.writeBytes(destination);
        writeShort(header, client.getPort());
        writeShort(header, local.getPort());
        header.write(PP2_TYPE_AWS);
        writeShort(header, tlvLength);
        header.write(PP2_SUBTYPE_AWS_VPCE_ID);
        header.writeBytes(id);
        return header.toByteArray();
    }

    private static byte[] mapped(byte[] address) {
        if (address.length == 16) {
            return address;
        }
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(address, 0, v6, 12, 4);
        return v6;
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }
}
