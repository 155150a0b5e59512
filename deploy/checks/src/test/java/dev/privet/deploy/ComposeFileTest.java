package dev.privet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What docker-compose.yml promises those who run it, checked against the code and settings it runs. */
class ComposeFileTest {
    private static final String INIT_SCRIPT = "deploy/docker/postgres/init-databases.sh";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:^|[/@,])([a-z][a-z0-9-]*):\\d+");
    private static final Pattern SERVICE_DATABASE = Pattern.compile("(?m)^service_database (\\w+) \"\\$\\{(\\w+):\\?}\"$");
    private static final Pattern DATABASE_OF_URL = Pattern.compile("^jdbc:postgresql://([\\w-]+):\\d+/(\\w+)(?:\\?.*)?$");
    private static final Pattern VERSION_PROPERTY = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void every_privet_service_and_the_gateway_runs_from_the_one_dockerfile() {
        assertThat(compose.privetServicesByModule().keySet()).as("modules built by %s", Dockerfile.PATH)
                .containsExactlyInAnyOrderElementsOf(quarkusModules());
        List<String> bases = Dockerfile.baseImages();
        assertThat(bases).as("base images of %s", Dockerfile.PATH).hasSize(1);
        String repository = bases.getFirst().substring(0, bases.getFirst().indexOf(':') + 1);
        assertThat(filesNaming(repository)).as("files naming the base image %s", repository)
                .containsExactly(Dockerfile.PATH);
    }

    @Test
    void every_service_restarts_unless_stopped_and_has_a_health_check() {
        compose.services().forEach((name, service) -> {
            assertThat(service.path("restart").asText()).as("restart policy of %s", name).isEqualTo("unless-stopped");
            JsonNode healthcheck = service.path("healthcheck");
            assertThat(healthcheck.path("disable").asBoolean()).as("%s's health check is disabled", name).isFalse();
            assertThat(healthcheck.path("test").size()).as("health check command of %s", name).isGreaterThan(1);
        });
    }

    @Test
    void the_privet_health_check_is_a_program_the_image_holds() {
        Map<String, String> copies = Dockerfile.copies();
        compose.privetServicesByModule().forEach((module, name) -> {
            JsonNode test = compose.service(name).path("healthcheck").path("test");
            assertThat(test.get(0).asText()).as("health check form of %s", name).isEqualTo("CMD");
            String program = test.get(1).asText();
            assertThat(copies).as("what %s copies into the image", Dockerfile.PATH).containsKey(program);
            assertThat(Repository.path(copies.get(program))).as("the health check of %s", name).isExecutable();
        });
    }

    @Test
    void every_service_waits_until_what_its_environment_names_is_healthy() {
        compose.services().forEach((name, service) -> {
            List<String> named = new ArrayList<>();
            ComposeFile.environment(service).values().forEach(value -> HOST_AND_PORT.matcher(value).results()
                    .map(m -> m.group(1)).filter(compose.services()::containsKey).filter(host -> !host.equals(name))
                    .forEach(named::add));
            Map<String, String> dependsOn = ComposeFile.dependsOn(service);
            assertThat(dependsOn).as("what %s waits for", name).containsKeys(named.toArray(String[]::new));
            dependsOn.forEach((dependency, condition) -> assertThat(condition)
                    .as("%s waits for %s to be", name, dependency).isEqualTo("service_healthy"));
        });
    }

    @Test
    void every_environment_variable_of_a_privet_service_sets_a_property_it_reads() {
        List<String> unread = new ArrayList<>();
        compose.privetServicesByModule().forEach((module, name) -> {
            ServiceProperties reads = ServiceProperties.of(module);
            ComposeFile.environment(compose.service(name)).keySet().stream()
                    .filter(variable -> !reads.readsEnvironmentVariable(variable))
                    .forEach(variable -> unread.add(name + ": " + variable));
        });
        assertThat(unread).as("environment variables in %s that set no property of their service", ComposeFile.PATH)
                .isEmpty();
    }

    @Test
    void every_service_with_a_database_gets_its_own_from_the_init_script_with_its_own_user() {
        Map<String, String> passwordVariables = new LinkedHashMap<>();
        SERVICE_DATABASE.matcher(Repository.read(INIT_SCRIPT)).results()
                .forEach(m -> passwordVariables.put(m.group(1), m.group(2)));
        Map<String, String> users = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : compose.privetServicesByModule().entrySet()) {
            if (!ServiceProperties.of(entry.getKey()).hasApplicationProperty("quarkus.datasource.db-kind")) {
                continue;
            }
            String name = entry.getValue();
            Map<String, String> environment = ComposeFile.environment(compose.service(name));
            Matcher url = DATABASE_OF_URL.matcher(environment.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            assertThat(url.matches()).as("%s's QUARKUS_DATASOURCE_JDBC_URL: %s", name, environment).isTrue();
            String database = url.group(2);
            JsonNode server = compose.service(url.group(1));
            assertThat(ComposeFile.image(server)).as("the image of %s's database server", name).hasValueSatisfying(
                    image -> assertThat(image).startsWith("postgres:"));
            assertThat(server.path("volumes")).extracting(JsonNode::asText)
                    .as("volumes of %s", url.group(1)).contains("./" + Path.of(INIT_SCRIPT).getParent() + ":/docker-entrypoint-initdb.d:ro");
            assertThat(passwordVariables).as("databases made by %s", INIT_SCRIPT).containsKey(database);
            // The script makes the user of the database's name, with the password the server's environment gives.
            assertThat(environment.get("QUARKUS_DATASOURCE_USERNAME")).as("%s's database user", name).isEqualTo(database);
            assertThat(environment.get("QUARKUS_DATASOURCE_PASSWORD")).as("%s's database password", name)
                    .isEqualTo(ComposeFile.environment(server).get(passwordVariables.get(database)));
            users.put(name, database);
        }
        assertThat(users.values()).as("database users, by service").doesNotHaveDuplicates().doesNotContain("postgres")
                .hasSize(passwordVariables.size());
    }

    @Test
    void the_gateway_and_dns_are_published_on_their_documented_ports() {
        int httpPort = Integer.parseInt(Dockerfile.environment().get("QUARKUS_HTTP_PORT"));
        String gateway = compose.privetServicesByModule().get("gateway");
        assertThat(ComposeFile.ports(compose.service(gateway))).as("ports %s publishes", gateway).containsExactly(
                new ComposeFile.PublishedPort(intProperty("gateway", "quarkus.http.port"), httpPort, "tcp"));

        String dns = compose.privetServicesByModule().get("dns-service");
        int dnsPort = intProperty("dns-service", "privet.dns.port");
        int containerPort = Integer.parseInt(ComposeFile.environment(compose.service(dns)).get("PRIVET_DNS_PORT"));
        assertThat(ComposeFile.ports(compose.service(dns))).as("ports %s publishes", dns).containsExactlyInAnyOrder(
                new ComposeFile.PublishedPort(dnsPort, containerPort, "udp"),
                new ComposeFile.PublishedPort(dnsPort, containerPort, "tcp"));
    }

    @Test
    void the_gateway_reaches_each_service_on_the_port_of_the_images() {
        String port = Dockerfile.environment().get("QUARKUS_HTTP_PORT");
        Map<String, String> byModule = compose.privetServicesByModule();
        Map<String, String> environment = ComposeFile.environment(compose.service(byModule.get("gateway")));
        Map<String, String> urls = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith("PRIVET_SERVICES_") && variable.endsWith("_URL")) {
                urls.put(variable, value);
            }
        });
        assertThat(urls.values()).as("the services the gateway calls").containsExactlyInAnyOrderElementsOf(
                byModule.entrySet().stream().filter(e -> !e.getKey().equals("gateway"))
                        .map(e -> "http://" + e.getValue() + ":" + port).toList());
    }

    @Test
    void kafka_and_postgresql_are_the_versions_the_project_is_tested_with() {
        Map<String, String> versions = new LinkedHashMap<>();
        VERSION_PROPERTY.matcher(Repository.read("pom.xml")).results().forEach(m -> versions.put(m.group(1), m.group(2)));
        List<String> images = compose.services().values().stream().map(ComposeFile::image)
                .flatMap(Optional::stream).toList();
        assertThat(images).contains("apache/kafka:" + versions.get("kafka.version"),
                "postgres:" + versions.get("postgres-binaries.version").split("\\.")[0]);
    }

    /** The root pom's modules that Quarkus packages: those the images run. */
    private static List<String> quarkusModules() {
        return MODULE.matcher(Repository.read("pom.xml")).results().map(m -> m.group(1))
                .filter(module -> Repository.read(module + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>"))
                .toList();
    }

    private static int intProperty(String module, String name) {
        return Integer.parseInt(ServiceProperties.of(module).applicationProperty(name));
    }

    /** The repository's files, outside build output and the local cluster's data, that contain {@code text}. */
    private static List<String> filesNaming(String text) {
        Set<String> skipped = Set.of(".git", "target", ".privet");
        Path root = Repository.root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize)
                    .filter(f -> StreamSupport.stream(f.spliterator(), false).noneMatch(part -> skipped.contains(part.toString())))
                    .filter(f -> contains(root.resolve(f), text)).map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
