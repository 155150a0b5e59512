package dev.privet.network.dataplane;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.handler.codec.haproxy.HAProxyTLV;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The PROXY protocol version 2 header a network load balancer sends to a target group with
 * {@code proxy_protocol_v2.enabled}: the client's address and port, the address and port it connected to, and AWS's
 * TLV naming the endpoint the connection came through (type {@code 0xEA}, subtype {@code 0x01}, the endpoint's id in
 * ASCII), so a provider can tell its consumers apart. Netty's {@code HAProxyMessageEncoder} writes it.
 */
final class ProxyHeader {
    static final byte PP2_TYPE_AWS = (byte) 0xEA;
    static final byte PP2_SUBTYPE_AWS_VPCE_ID = 0x01;

    private ProxyHeader() {
    }

    /** The header of a connection from {@code client} to {@code local} through the endpoint {@code vpcEndpointId}. */
    static HAProxyMessage v2(InetSocketAddress client, InetSocketAddress local, String vpcEndpointId) {
        boolean ipv4 = client.getAddress() instanceof Inet4Address && local.getAddress() instanceof Inet4Address;
        byte[] id = vpcEndpointId.getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[1 + id.length];
        value[0] = PP2_SUBTYPE_AWS_VPCE_ID;
        System.arraycopy(id, 0, value, 1, id.length);
        return new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
                ipv4 ? HAProxyProxiedProtocol.TCP4 : HAProxyProxiedProtocol.TCP6,
                text(client.getAddress(), ipv4), text(local.getAddress(), ipv4), client.getPort(), local.getPort(),
                List.of(new HAProxyTLV(PP2_TYPE_AWS, Unpooled.wrappedBuffer(value))));
    }

    /** An address as the header's family spells it: one IPv4 end with an IPv6 other makes both IPv6 (mapped). */
    private static String text(InetAddress address, boolean ipv4) {
        return ipv4 || !(address instanceof Inet4Address) ? address.getHostAddress()
                : "::ffff:" + address.getHostAddress();
    }
}
