package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.List;
import java.util.Map;

/**
 * Reads objects into fabric8's Kubernetes model and Strimzi's model, and refuses any field the model does not have.
 * Both models keep unknown fields in an "additional properties" map (a {@code @JsonAnySetter}), where a misspelt or
 * misplaced field would pass unnoticed; this mapper has no any-setters, so such a field fails the read.
 */
final class StrictModels {

    static final String STRIMZI_GROUP = "kafka.strimzi.io";

    /** Each kind's model, and the API versions it serves, newest first (older ones are deprecated). */
    private static final Map<String, StrimziKind> STRIMZI_KINDS = Map.of(
            Kafka.RESOURCE_KIND, new StrimziKind(Kafka.class, Kafka.VERSIONS),
            KafkaNodePool.RESOURCE_KIND, new StrimziKind(KafkaNodePool.class, KafkaNodePool.VERSIONS),
            KafkaTopic.RESOURCE_KIND, new StrimziKind(KafkaTopic.class, KafkaTopic.VERSIONS));

    private record StrimziKind(Class<? extends HasMetadata> type, List<String> versions) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                             BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }));

    /** Only for its registry of the kinds fabric8 knows: it reads with a mapper that collects unknown fields. */
    private final KubernetesSerialization kinds = new KubernetesSerialization();

    /** An object of the Kubernetes API, as the fabric8 class of its kind; a kind fabric8 does not know fails. */
    HasMetadata kubernetes(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Class<? extends KubernetesResource> type = kinds.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
            throw new AssertionError("fabric8 has no model of " + apiVersion + " " + kind + " (" + name(object) + ")");
        }
        return read(object, type.asSubclass(HasMetadata.class));
    }

    /** A Strimzi object, as the class of Strimzi's model of its kind, at the newest API version that model serves. */
    HasMetadata strimzi(JsonNode object) {
        String kind = object.path("kind").asText();
        StrimziKind model = STRIMZI_KINDS.get(kind);
        if (model == null) {
            throw new AssertionError("no Strimzi model of kind " + kind + " in these checks (" + name(object) + ")");
        }
        String newest = STRIMZI_GROUP + "/" + model.versions().getFirst();
        if (!newest.equals(object.path("apiVersion").asText())) {
            throw new AssertionError(name(object) + " is " + object.path("apiVersion").asText()
                    + "; Strimzi's newest is " + newest);
        }
        return read(object, model.type());
    }

    private <T> T read(JsonNode object, Class<T> type) {
        try {
            return mapper.treeToValue(object, type);
        } catch (Exception e) {
            throw new AssertionError(name(object) + " does not fit " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }
}
