package dev.privet.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The system properties each service is started with: its HTTP port, and for the four services
 * behind the gateway the Kafka bootstrap servers and their own database; for the gateway the URLs
 * of those four. Extra properties given to {@link LocalCluster.Builder#serviceProperty} come last
 * and win.
 */
final class ServiceSettings {

    private ServiceSettings() {
    }

    static Map<String, String> of(PrivetService service, Ports ports, String kafkaBootstrap,
                                  Function<String, String> jdbcUrl, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", Integer.toString(ports.http(service)));
        if (service == PrivetService.GATEWAY) {
            for (PrivetService backend : PrivetService.backends()) {
                settings.put("privet.services." + backend.shortName() + ".url", url(ports.http(backend)));
            }
        } else {
            settings.put("kafka.bootstrap.servers", kafkaBootstrap);
            settings.put("quarkus.datasource.jdbc.url", jdbcUrl.apply(service.databaseName().orElseThrow()));
            settings.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            settings.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
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
