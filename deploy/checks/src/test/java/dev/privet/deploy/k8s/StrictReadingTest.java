package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readers K8sManifestsTest relies on refuse what the tools would refuse: a check that cannot fail checks nothing. */
class StrictReadingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final StrictModels models = new StrictModels();

    @Test
    void a_kubernetes_object_reads_into_its_model() throws Exception {
        assertThat(models.kubernetes(yaml(DEPLOYMENT.formatted("readinessProbe")))).isInstanceOf(Deployment.class);
    }

    @Test
    void a_misspelt_kubernetes_field_fails() {
        assertThatThrownBy(() -> models.kubernetes(yaml(DEPLOYMENT.formatted("readynessProbe"))))
                .hasMessageContaining("readynessProbe");
    }

    @Test
    void a_kind_fabric8_does_not_know_fails() {
        assertThatThrownBy(() -> models.kubernetes(yaml("{apiVersion: example.com/v1, kind: Gadget, metadata: {name: g}}")))
                .hasMessageContaining("no model of example.com/v1 Gadget");
    }

    @Test
    void a_misplaced_strimzi_field_fails_and_so_does_a_deprecated_version() throws Exception {
        String topic = "{apiVersion: kafka.strimzi.io/%s, kind: KafkaTopic, metadata: {name: t}, spec: {%s: 3}}";
        assertThat(models.strimzi(yaml(topic.formatted("v1", "partitions")))).isNotNull();
        assertThatThrownBy(() -> models.strimzi(yaml(topic.formatted("v1", "partition"))))
                .hasMessageContaining("partition");
        assertThatThrownBy(() -> models.strimzi(yaml(topic.formatted("v1beta2", "partitions"))))
                .hasMessageContaining("newest is kafka.strimzi.io/v1");
    }

    @Test
    void a_cloudnative_pg_object_out_of_its_schema_has_problems() throws Exception {
        CnpgSchemas schemas = new CnpgSchemas();
        String cluster = "{apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: {name: c}, spec: {%s, storage: {size: 1Gi}}}";
        assertThat(schemas.problems(yaml(cluster.formatted("instances: 3")))).isEmpty();
        assertThat(schemas.problems(yaml(cluster.formatted("instance: 3")))).isNotEmpty();
        assertThat(schemas.problems(yaml(cluster.formatted("instances: three")))).isNotEmpty();
    }

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec:
                  containers:
                    - name: c
                      image: i
                      %s: {httpGet: {path: /q/health/ready, port: http}}
            """;
}
