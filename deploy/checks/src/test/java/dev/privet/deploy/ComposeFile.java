package dev.privet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * docker-compose.yml as Compose reads it: anchors, aliases and merge keys resolved, ${...} left as written (the
 * checks hold for any value the environment gives them).
 */
public final class ComposeFile {
    static final String PATH = "docker-compose.yml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    public static ComposeFile load() {
        Object tree = new Yaml(new LoaderOptions()).load(Repository.read(PATH));
        return new ComposeFile(JSON.valueToTree(tree));
    }

    String json() {
        return root.toString();
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    public JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(PATH + " has no service " + name);
        }
        return service;
    }

    /** The services built from the one Dockerfile, by the module each runs (its SERVICE build argument). */
    public Map<String, String> privetServicesByModule() {
        Map<String, String> byModule = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            JsonNode build = service.path("build");
            if (Dockerfile.PATH.equals(build.path("dockerfile").asText())) {
                byModule.put(build.path("args").path("SERVICE").asText(), name);
            }
        });
        return byModule;
    }

    /** A service's environment, in either of Compose's forms (a map, or a list of NAME=value). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String text = entry.asText();
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        } else {
            node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return environment;
    }

    /** What a service waits for, with the condition of each (the short list form means service_started). */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        JsonNode node = service.path("depends_on");
        if (node.isArray()) {
            node.forEach(name -> conditions.put(name.asText(), "service_started"));
        } else if (node instanceof ObjectNode map) {
            map.properties().forEach(e -> conditions.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return conditions;
    }

    /** A port a service publishes on the host. */
    record PublishedPort(int host, int container, String protocol) {
    }

    /** The ports a service publishes, short form ([address:]host:container[/protocol]) or long form. */
    static List<PublishedPort> ports(JsonNode service) {
        return StreamSupport.stream(service.path("ports").spliterator(), false).map(ComposeFile::port).toList();
    }

    private static PublishedPort port(JsonNode node) {
        if (node.isObject()) {
            return new PublishedPort(node.path("published").asInt(), node.path("target").asInt(),
                    node.path("protocol").asText("tcp"));
        }
        String text = node.asText();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1);
            text = text.substring(0, slash);
        }
        // From the right: the address before them may itself be ${...:-127.0.0.1}, with colons in it.
        String[] parts = text.split(":");
        if (parts.length < 2) {
            throw new AssertionError("port " + node + " publishes nothing on the host (a random host port)");
        }
        return new PublishedPort(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]),
                protocol);
    }

    /** The image a service runs, or empty when it builds one without a name. */
    public static Optional<String> image(JsonNode service) {
        return Optional.ofNullable(service.path("image").textValue());
    }
}
