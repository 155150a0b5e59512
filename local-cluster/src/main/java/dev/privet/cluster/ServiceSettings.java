package dev.privet.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The system properties each service is started with: its HTTP port, and for the four services
 * behind the gateway the Kafka bootstrap servers, their own database and a Kafka group instance id;
 * for the gateway the URLs of those four. Extra properties given to
 * {@link LocalCluster.Builder#serviceProperty} come last and win.
 *
 * <p>Every process gets the cluster's gateway secret ({@code privet.gateway-secret}): the gateway sends it with each
 * request, and a service answers nothing without it but its health checks, so the account a request names is taken
 * only from the gateway. The gateway takes that account from the {@code X-Privet-Account} header
 * ({@code privet.auth.account-header}) or from a signature with the local keys ({@code privet.auth.local-keys}:
 * a twelve-digit key id with the secret {@code test}), as befits a cluster on one developer's machine. Since
 * anyone may claim any account that way, every process listens on the loopback address only.
 *
 * <p>The instance id ({@code privet.kafka.instance-id}, e.g. {@code network-local}) is the same at
 * every start of the service: with it as {@code group.instance.id} (static membership) a service the
 * supervisor restarted after a crash takes its partitions back at once, instead of waiting for the
 * group to time the dead member out.
 */
final class ServiceSettings {

    /** The property by which a service learns its stable Kafka group instance id. */
    static final String INSTANCE_ID = "privet.kafka.instance-id";

    private ServiceSettings() {
    }

    /** {@code <short name>-local}: one process per service runs in a local cluster, and a Kafka broker serves one cluster. */
    static String instanceId(PrivetService service) {
        return service.shortName() + "-local";
    }

    /** A fresh random secret, 32 hex digits. */
    static String newGatewaySecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Map<String, String> of(PrivetService service, Ports ports, String kafkaBootstrap,
                                  Function<String, String> jdbcUrl, String gatewaySecret, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", Integer.toString(ports.http(service)));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("privet.gateway-secret", gatewaySecret);
        if (service == PrivetService.GATEWAY) {
            settings.put("privet.auth.account-header", "true");
            settings.put("privet.auth.local-keys", "true");
            for (PrivetService backend : PrivetService.backends()) {
                settings.put("privet.services." + backend.shortName() + ".url", url(ports.http(backend)));
            }
        } else {
            settings.put("kafka.bootstrap.servers", kafkaBootstrap);
            settings.put("quarkus.datasource.jdbc.url", jdbcUrl.apply(service.databaseName().orElseThrow()));
            settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            settings.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
            settings.put(INSTANCE_ID, instanceId(service));
        }
        if (service == PrivetService.DNS) {
            settings.put("privet.dns.port", Integer.toString(ports.dns()));
        }
        settings.putAll(extra);
        return settings;
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
