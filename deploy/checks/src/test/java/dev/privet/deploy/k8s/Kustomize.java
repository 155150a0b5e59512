package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What `kubectl kustomize` makes of a kustomization: the objects `kubectl apply -k` would send, one node each. */
final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    static List<JsonNode> build(Path kustomization) {
        try {
            // stderr to a file, so that neither stream can fill up and stall kubectl while the other is read.
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectError(errors.toFile())
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + exit + "):\n"
                            + Files.readString(errors));
                }
                return documents(out);
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl (" + e.getMessage() + "). These checks need it: install"
                    + " kubectl 1.27 or newer, which includes kustomize, and put it on the PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while kubectl kustomize ran", e);
        }
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            return docs.readAll().stream().filter(doc -> doc != null && doc.isObject()).toList();
        }
    }
}
