package dev.privet.network.dataplane;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The PROXY protocol v2 header as a target receives it, byte for byte. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProxyHeaderTest {

    static byte[] encoded(String client, String local) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(HAProxyMessageEncoder.INSTANCE);
        channel.writeOutbound(ProxyHeader.v2(new InetSocketAddress(InetAddress.getByName(client), 50000),
                new InetSocketAddress(InetAddress.getByName(local), 443), "vpce-0123456789abcdef0"));
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    void carries_both_ends_and_the_endpoint_id_in_awss_tlv() throws Exception {
        ByteBuffer b = ByteBuffer.wrap(encoded("127.0.0.1", "127.100.0.7"));

        byte[] signature = new byte[12];
        b.get(signature);
        assertThat(signature).containsExactly(0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A);
        assertThat(b.get()).isEqualTo((byte) 0x21); // version 2, PROXY
        assertThat(b.get()).isEqualTo((byte) 0x11); // TCP over IPv4
        assertThat(b.getShort()).isEqualTo((short) (12 + 3 + 1 + 22));
        byte[] addresses = new byte[8];
        b.get(addresses);
        assertThat(addresses).containsExactly(127, 0, 0, 1, 127, 100, 0, 7);
        assertThat(b.getShort() & 0xFFFF).isEqualTo(50000);
        assertThat(b.getShort()).isEqualTo((short) 443);
        assertThat(b.get() & 0xFF).isEqualTo(0xEA);
        assertThat(b.getShort()).isEqualTo((short) 23);
        assertThat(b.get()).isEqualTo((byte) 0x01);
        byte[] id = new byte[b.remaining()];
        b.get(id);
        assertThat(new String(id, StandardCharsets.US_ASCII)).isEqualTo("vpce-0123456789abcdef0");
    }

    @Test
    void an_ipv6_client_makes_both_addresses_ipv6() throws Exception {
        byte[] header = encoded("::1", "127.100.0.7");

        assertThat(header[13]).isEqualTo((byte) 0x21); // TCP over IPv6
        assertThat(ByteBuffer.wrap(header, 14, 2).getShort()).isEqualTo((short) (36 + 3 + 1 + 22));
        assertThat(Arrays.copyOfRange(header, 32, 48)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 127,
                100, 0, 7);
    }
}
