package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void defaultsAreThoseOfTheDesign() {
        Ports ports = Ports.defaults();
        assertThat(ports.http(PrivetService.GATEWAY)).isEqualTo(8080);
        assertThat(ports.http(PrivetService.PROVIDER)).isEqualTo(8081);
        assertThat(ports.http(PrivetService.CONSUMER)).isEqualTo(8082);
        assertThat(ports.http(PrivetService.NETWORK)).isEqualTo(8083);
        assertThat(ports.http(PrivetService.DNS)).isEqualTo(8084);
        assertThat(ports.dns()).isEqualTo(1053);
        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.postgres()).isEqualTo(15432);
    }

    @Test
    void environmentVariablesMoveSinglePorts() {
        Ports ports = Ports.fromEnvironment(Map.of("PRIVET_GATEWAY_PORT", "18080", "PRIVET_POSTGRES_PORT", " 25432 "));
        assertThat(ports.gateway()).isEqualTo(18080);
        assertThat(ports.postgres()).isEqualTo(25432);
        assertThat(ports.kafka()).isEqualTo(9092);
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("PRIVET_KAFKA_PORT", "ninety")))
                .hasMessage("PRIVET_KAFKA_PORT=ninety is not a port number");
    }

    @Test
    void twoPartsCannotShareAPort() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("PRIVET_GATEWAY_PORT", "9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 9092 is given to both the Kafka broker and the gateway (HTTP)");
    }

    @Test
    void portsMustBeInRange() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("PRIVET_DNS_PORT", "70000")))
                .hasMessageContaining("port 70000 for the DNS server");
    }

    @Test
    void randomPortsAreDistinctAndFree() {
        Ports ports = Ports.randomFree();
        List<PortClaim> claims = ports.claims();
        assertThat(new HashSet<>(claims.stream().map(PortClaim::port).toList())).hasSize(9);
        PortCheck.requireFree(claims);
    }

    @Test
    void claimsNameWhatWantsEachPortAndHowToMoveIt() {
        assertThat(Ports.defaults().claims())
                .contains(new PortClaim(1053, "the DNS server of dns-service (UDP and TCP)", "PRIVET_DNS_PORT", true),
                        new PortClaim(8080, "the gateway (HTTP)", "PRIVET_GATEWAY_PORT", false));
    }

    @Test
    void aTakenTcpPortIsReportedWithItsPurpose() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            PortClaim claim = new PortClaim(port, "the gateway (HTTP)", "PRIVET_GATEWAY_PORT", false);
            assertThatThrownBy(() -> PortCheck.requireFree(List.of(claim)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("port " + port + " is already in use, and the gateway (HTTP) needs it")
                    .hasMessageContaining("PRIVET_GATEWAY_PORT=<port>")
                    .satisfies(e -> assertThat(((PortInUseException) e).claim()).isEqualTo(claim));
        }
    }

    @Test
    void aTakenUdpPortCountsOnlyForTheDnsServer() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(0))) {
            int port = taken.getLocalPort();
            if (!PortCheck.tcpFree(port)) {
                return; // the same number happens to be taken over TCP too: nothing to learn here
            }
            PortCheck.requireFree(List.of(new PortClaim(port, "kafka", "PRIVET_KAFKA_PORT", false)));
            assertThatThrownBy(() -> PortCheck.requireFree(List.of(new PortClaim(port, "dns", "PRIVET_DNS_PORT", true))))
                    .isInstanceOf(PortInUseException.class);
        }
    }
}
