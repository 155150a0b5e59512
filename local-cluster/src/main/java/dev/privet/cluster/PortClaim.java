package dev.privet.cluster;

/**
 * A port the local cluster will listen on, and what for.
 *
 * @param port                the port number
 * @param purpose             who wants it, in words: {@code "the gateway (HTTP)"}
 * @param environmentVariable the variable of {@code ./privet up} that moves it elsewhere
 * @param udpToo              whether the port is also used for UDP (the DNS server)
 */
public record PortClaim(int port, String purpose, String environmentVariable, boolean udpToo) {
}
