package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.deploy.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/** One overlay of deploy/k8s as kustomize builds it, with the look-ups the checks share. */
record Overlay(String name, List<JsonNode> objects) {

    private static final Map<String, Overlay> BUILT = new ConcurrentHashMap<>();

    /** Built once per run: kustomize gives the same output for the same files. */
    static Overlay of(String name) {
        return BUILT.computeIfAbsent(name,
                n -> new Overlay(n, Kustomize.build(Repository.path("deploy/k8s/overlays").resolve(n))));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** The Deployments of Privet's own services and gateway. */
    List<JsonNode> privetDeployments() {
        return ofKind("Deployment").stream()
                .filter(d -> "privet".equals(d.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText()))
                .toList();
    }

    static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The one container of a Deployment's pods. */
    static JsonNode container(JsonNode deployment) {
        List<JsonNode> containers = list(deployment.path("spec").path("template").path("spec").path("containers"));
        if (containers.size() != 1) {
            throw new AssertionError(StrictModels.name(deployment) + " has " + containers.size() + " containers, not one");
        }
        return containers.getFirst();
    }
}
