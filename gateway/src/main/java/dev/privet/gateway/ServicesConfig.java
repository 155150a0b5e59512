package dev.privet.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Where each backend service answers; defaults are the local cluster's ports. */
@ConfigMapping(prefix = "privet.services")
public interface ServicesConfig {

    @WithName("provider.url")
    @WithDefault("http://127.0.0.1:8081")
    String providerUrl();

    @WithName("consumer.url")
    @WithDefault("http://127.0.0.1:8082")
    String consumerUrl();

    @WithName("network.url")
    @WithDefault("http://127.0.0.1:8083")
    String networkUrl();

    @WithName("dns.url")
    @WithDefault("http://127.0.0.1:8084")
    String dnsUrl();

    /** How long a backend may take to answer before the gateway gives up with 502. */
    @WithDefault("PT30S")
    Duration timeout();

    /** The port of {@code backend}'s base URL, the scheme's default when it names none. */
    default int port(Backend backend) {
        java.net.URI base = java.net.URI.create(url(backend));
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }

    /** The base URL of {@code backend}. */
    default String url(Backend backend) {
        return switch (backend) {
            case PROVIDER -> providerUrl();
            case CONSUMER -> consumerUrl();
            case NETWORK -> networkUrl();
            case DNS -> dnsUrl();
        };
    }
}
