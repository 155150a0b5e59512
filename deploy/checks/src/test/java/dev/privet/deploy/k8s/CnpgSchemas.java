package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * CloudNativePG's objects against the openAPIV3Schema of its CRDs (vendored in k8s/cnpg, with their version).
 * The API server refuses a field a structural schema does not declare (kubectl's strict field validation), so the
 * schemas are read that way: an object schema with properties and no word on other fields allows no other fields.
 */
final class CnpgSchemas {

    static final String GROUP = "postgresql.cnpg.io";

    private static final List<String> CRDS = List.of("postgresql.cnpg.io_clusters.yaml", "postgresql.cnpg.io_databases.yaml");

    private static final List<String> SUBSCHEMAS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SINGLE_SUBSCHEMAS = List.of("items", "additionalProperties", "not");

    private final Map<String, Schema> byKind;

    CnpgSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        byKind = CRDS.stream().map(CnpgSchemas::crd).collect(Collectors.toMap(
                crd -> crd.path("spec").path("names").path("kind").asText(),
                crd -> registry.getSchema(storedVersionSchema(crd).toString(), InputFormat.JSON)));
    }

    /** What is wrong with {@code object}, by the schema of its kind; empty when it fits. */
    List<String> problems(JsonNode object) {
        String kind = object.path("kind").asText();
        Schema schema = byKind.get(kind);
        if (schema == null) {
            return List.of("no CloudNativePG CRD for kind " + kind + " in k8s/cnpg");
        }
        return schema.validate(object.toString(), InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static JsonNode crd(String name) {
        try (InputStream in = CnpgSchemas.class.getResourceAsStream("/k8s/cnpg/" + name)) {
            if (in == null) {
                throw new IllegalStateException("k8s/cnpg/" + name + " is not on the test classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode storedVersionSchema(JsonNode crd) {
        JsonNode version = StreamSupport.stream(crd.path("spec").path("versions").spliterator(), false)
                .filter(v -> v.path("storage").asBoolean())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(crd.path("metadata").path("name") + " has no stored version"));
        return closed(version.path("schema").path("openAPIV3Schema").deepCopy());
    }

    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                node.put("additionalProperties", false);
            }
            node.path("properties").forEach(CnpgSchemas::closed);
            SUBSCHEMAS.forEach(keyword -> node.path(keyword).forEach(CnpgSchemas::closed));
            SINGLE_SUBSCHEMAS.forEach(keyword -> closed(node.path(keyword)));
        }
        return schema;
    }
}
