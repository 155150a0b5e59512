package dev.privet.dns.config;

import dev.privet.dns.domain.AnsweredAddress;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the DNS server; the defaults run locally (port 1053, so no root is needed). */
@ConfigMapping(prefix = "privet.dns")
public interface DnsConfig {

    /** UDP and TCP port of the DNS server; 0 takes a free port (tests). */
    @WithDefault("1053")
    int port();

    @WithName("bind-address")
    @WithDefault("0.0.0.0")
    String bindAddress();

    /** Which address of an endpoint's interfaces its names answer with: {@code data-plane} or {@code private-ip}. */
    @WithName("answer-with")
    @WithDefault("data-plane")
    AnsweredAddress answerWith();

    /** Threads answering UDP queries, each reading from the one socket (TCP connections each get a virtual thread). */
    @WithDefault("4")
    int threads();
}
