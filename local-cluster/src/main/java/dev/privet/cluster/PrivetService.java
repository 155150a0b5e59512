package dev.privet.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the Privet applications the local cluster runs, with the Maven module that builds it and
 * the database it owns (the gateway owns none).
 */
public enum PrivetService {
    NETWORK("network-service", "network"),
    PROVIDER("provider-service", "provider"),
    CONSUMER("consumer-service", "consumer"),
    DNS("dns-service", "dns"),
    GATEWAY("gateway", null);

    private final String moduleName;
    private final String databaseName;

    PrivetService(String moduleName, String databaseName) {
        this.moduleName = moduleName;
        this.databaseName = databaseName;
    }

    /** The Maven module, also the name used in logs and messages: {@code network-service}, {@code gateway}. */
    public String moduleName() {
        return moduleName;
    }

    /** The short name: {@code network}, {@code provider}, {@code consumer}, {@code dns}, {@code gateway}. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The service's own PostgreSQL database, empty for the gateway. */
    public Optional<String> databaseName() {
        return Optional.ofNullable(databaseName);
    }

    /** The runnable jar that {@code ./mvnw package} makes for this service. */
    public Path runJar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The four services behind the gateway, in start order. */
    public static List<PrivetService> backends() {
        return List.of(NETWORK, PROVIDER, CONSUMER, DNS);
    }

    /** The databases of all services: {@code network}, {@code provider}, {@code consumer}, {@code dns}. */
    public static List<String> databaseNames() {
        return backends().stream().map(s -> s.databaseName).toList();
    }

    /**
     * Finds a service by its short or module name, ignoring case: {@code "provider"} and
     * {@code "provider-service"} both name {@link #PROVIDER}.
     *
     * @throws IllegalArgumentException when no service has that name
     */
    public static PrivetService byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PrivetService service : values()) {
            if (service.moduleName.equals(wanted) || service.shortName().equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no Privet service is named '" + name + "'; known: "
                + String.join(", ", List.of(values()).stream().map(PrivetService::moduleName).toList()));
    }
}
