package dev.privet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.deploy.ComposeFile;
import dev.privet.deploy.Dockerfile;
import dev.privet.deploy.ServiceProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s, checked without a cluster: each overlay as kustomize builds it, every object read by the model of the
 * tool that will read it, and the promises the README makes about them.
 */
class K8sManifestsTest {

    private static final String EVENT_SOURCED = "event-sourced-service";
    private static final List<String> EVENT_TOPICS =
            List.of("privet.provider.events", "privet.consumer.events", "privet.network.events", "privet.dns.events");
    /** The pods the rest of the cluster may reach, and on which of their ports (named, or a number range). */
    private static final Set<String> OPEN_TO_THE_CLUSTER = Set.of("gateway", "dns-service", "network-service");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");

    private static final StrictModels MODELS = new StrictModels();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_kubernetes_object_reads_into_its_fabric8_model_without_unknown_fields(String overlay) {
        List<JsonNode> objects = Overlay.of(overlay).objects().stream()
                .filter(o -> !Set.of(StrictModels.STRIMZI_GROUP, CnpgSchemas.GROUP).contains(Overlay.group(o)))
                .toList();
        assertThat(objects).isNotEmpty();
        objects.forEach(MODELS::kubernetes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_strimzi_object_reads_into_strimzis_model_without_unknown_fields(String overlay) {
        List<JsonNode> objects = Overlay.of(overlay).objects().stream()
                .filter(o -> StrictModels.STRIMZI_GROUP.equals(Overlay.group(o))).toList();
        assertThat(objects).extracting(o -> o.path("kind").asText()).contains("Kafka", "KafkaNodePool", "KafkaTopic");
        objects.forEach(MODELS::strimzi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_cloudnative_pg_object_fits_the_schema_of_its_crd(String overlay) {
        CnpgSchemas schemas = new CnpgSchemas();
        List<JsonNode> objects = Overlay.of(overlay).objects().stream()
                .filter(o -> CnpgSchemas.GROUP.equals(Overlay.group(o))).toList();
        assertThat(objects).extracting(o -> o.path("kind").asText()).contains("Cluster", "Database");
        objects.forEach(o -> assertThat(schemas.problems(o)).as(StrictModels.name(o)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_deployment_has_health_probes_and_requests_and_limits(String overlay) {
        List<Deployment> deployments = deployments(overlay);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder(
                "gateway", "provider-service", "consumer-service", "network-service", "dns-service");
        for (Deployment deployment : deployments) {
            Container c = container(deployment);
            String name = deployment.getMetadata().getName();
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/live");
            assertThat(c.getReadinessProbe().getHttpGet().getPort()).as(name).isEqualTo(new IntOrString("http"));
            assertThat(c.getLivenessProbe().getHttpGet().getPort()).as(name).isEqualTo(new IntOrString("http"));
            assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_port_is_the_one_its_service_listens_on(String overlay) {
        Overlay o = Overlay.of(overlay);
        for (Deployment deployment : deployments(overlay)) {
            Map<String, Integer> ports = container(deployment).getPorts().stream()
                    .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
            assertThat(ports.get("http")).as(deployment.getMetadata().getName() + " http")
                    .isEqualTo(Integer.valueOf(setting(o, deployment, "quarkus.http.port")));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(deployment.getMetadata().getName() + " scraped for metrics on its http port")
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(ports.get("http")));
            if (ports.containsKey("dns-udp") || ports.containsKey("dns-tcp")) {
                int dns = Integer.parseInt(setting(o, deployment, "privet.dns.port"));
                assertThat(ports).containsEntry("dns-udp", dns).containsEntry("dns-tcp", dns);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_gateway_calls_each_service_through_its_service_and_port(String overlay) {
        Overlay o = Overlay.of(overlay);
        Map<String, String> gatewayEnv = environment(o, deployment(overlay, "gateway"));
        for (Deployment service : eventSourced(overlay)) {
            String serviceName = properties(service).applicationProperty("privet.service-name");
            String url = gatewayEnv.get(ServiceProperties.envForm("privet.services." + serviceName + ".url"));
            assertThat(url).as("the gateway's URL of " + serviceName).isNotNull();
            URI uri = URI.create(url);
            io.fabric8.kubernetes.api.model.Service target = (io.fabric8.kubernetes.api.model.Service)
                    MODELS.kubernetes(o.get("Service", uri.getHost()));
            assertThat(service.getSpec().getTemplate().getMetadata().getLabels())
                    .as("Service " + uri.getHost() + " selects " + service.getMetadata().getName())
                    .containsAllEntriesOf(target.getSpec().getSelector());
            assertThat(target.getSpec().getPorts())
                    .as("Service " + uri.getHost() + " answers on " + uri.getPort() + " to the container's http port")
                    .anySatisfy(p -> {
                        assertThat(p.getPort()).isEqualTo(uri.getPort());
                        assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http"));
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_environment_variable_names_a_property_its_service_reads(String overlay) {
        Overlay o = Overlay.of(overlay);
        for (Deployment deployment : deployments(overlay)) {
            ServiceProperties properties = properties(deployment);
            Set<String> variables = environment(o, deployment).keySet();
            assertThat(variables).as(deployment.getMetadata().getName()).isNotEmpty();
            assertThat(variables.stream().filter(v -> !properties.readsEnvironmentVariable(v)).toList())
                    .as(deployment.getMetadata().getName() + " is given variables that name no property it reads")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void all_images_come_from_one_registry_with_one_tag(String overlay) {
        List<String> images = deployments(overlay).stream().map(d -> container(d).getImage()).toList();
        assertThat(images).allSatisfy(image -> assertThat(image).as(image).matches("[^:/]+(:\\d+)?/.+:[^:/]+"));
        assertThat(images.stream().map(i -> i.substring(0, i.lastIndexOf('/'))).distinct()).as("registries").hasSize(1);
        assertThat(images.stream().map(i -> i.substring(i.lastIndexOf(':') + 1)).distinct()).as("tags").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_deployment_runs_the_image_privet_images_builds_for_its_module(String overlay) {
        ComposeFile compose = ComposeFile.load();
        Map<String, String> services = compose.privetServicesByModule();
        for (Deployment deployment : deployments(overlay)) {
            String module = deployment.getMetadata().getName();
            assertThat(services).as("services of docker-compose.yml, by module").containsKey(module);
            String built = ComposeFile.image(compose.service(services.get(module))).orElseThrow();
            String image = container(deployment).getImage();
            // The README pushes each image as <registry>/<the image compose builds>, under the overlay's tag.
            assertThat(image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'))).as(module)
                    .isEqualTo(built.substring(0, built.indexOf(':', built.lastIndexOf('/')))); // its tag is ${...:-...}
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_event_topic_is_kept_forever_and_made_as_the_services_would_make_it(String overlay) {
        Overlay o = Overlay.of(overlay);
        JsonNode settings = o.get("ConfigMap", "privet-event-services").path("data");
        for (String name : EVENT_TOPICS) {
            KafkaTopic topic = (KafkaTopic) MODELS.strimzi(o.get("KafkaTopic", name));
            assertThat(topic.getSpec().getConfig()).as(name).containsEntry("retention.ms", -1);
            assertThat(topic.getSpec().getPartitions()).as(name)
                    .isEqualTo(settings.path("PRIVET_KAFKA_PARTITIONS").asInt());
            assertThat(topic.getSpec().getReplicas()).as(name)
                    .isEqualTo(settings.path("PRIVET_KAFKA_REPLICATION_FACTOR").asInt());
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka(o).getMetadata().getName());
        }
    }

    @Test
    void production_keeps_every_event_on_three_brokers_and_postgres_on_three_instances() {
        Overlay o = Overlay.of("production");
        assertThat(nodes(o, ProcessRoles.BROKER)).isEqualTo(3);
        assertThat(nodes(o, ProcessRoles.CONTROLLER)).isEqualTo(3);
        Map<String, Object> config = kafka(o).getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3)
                .containsEntry("offsets.topic.replication.factor", 3);
        for (String name : EVENT_TOPICS) {
            KafkaTopic topic = (KafkaTopic) MODELS.strimzi(o.get("KafkaTopic", name));
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).as(name).containsEntry("min.insync.replicas", 2);
        }
        assertThat(postgres(o).path("spec").path("instances").asInt()).isEqualTo(3);
    }

    @Test
    void production_runs_two_of_each_service_that_takes_several() {
        for (Deployment d : deployments("production")) {
            if (!d.getMetadata().getName().equals("network-service")) {
                assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(2);
            }
        }
    }

    @Test
    void local_runs_one_combined_kafka_node_and_one_postgres_instance() {
        Overlay o = Overlay.of("local");
        List<KafkaNodePool> pools = o.ofKind("KafkaNodePool").stream().map(p -> (KafkaNodePool) MODELS.strimzi(p)).toList();
        assertThat(pools).singleElement().satisfies(pool -> {
            assertThat(pool.getSpec().getReplicas()).isEqualTo(1);
            assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        });
        assertThat(postgres(o).path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void network_service_runs_once_and_is_replaced_not_rolled(String overlay) {
        Deployment network = deployment(overlay, "network-service");
        assertThat(network.getSpec().getReplicas()).isEqualTo(1);
        assertThat(network.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void each_service_has_its_database_and_its_role(String overlay) {
        Overlay o = Overlay.of(overlay);
        JsonNode cluster = postgres(o);
        String clusterName = cluster.path("metadata").path("name").asText();
        for (Deployment deployment : eventSourced(overlay)) {
            String name = deployment.getMetadata().getName();
            Map<String, EnvVar> env = container(deployment).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));
            String secret = secretOf(env.get("QUARKUS_DATASOURCE_USERNAME"), "username", name);
            assertThat(secretOf(env.get("QUARKUS_DATASOURCE_PASSWORD"), "password", name)).isEqualTo(secret);
            JsonNode role = Overlay.list(cluster.path("spec").path("managed").path("roles")).stream()
                    .filter(r -> secret.equals(r.path("passwordSecret").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no managed role has the Secret " + secret));
            assertThat(role.path("login").asBoolean()).as(role.toString()).isTrue();
            assertThat(role.path("ensure").asText("present")).isEqualTo("present");

            URI jdbc = URI.create(expand(environment(o, deployment).get("QUARKUS_DATASOURCE_JDBC_URL"),
                    properties(deployment)).substring("jdbc:".length()));
            assertThat(jdbc.getHost()).as(name + " connects to the primary").isEqualTo(clusterName + "-rw");
            String database = jdbc.getPath().substring(1);
            assertThat(o.ofKind("Database")).as(name + "'s database " + database).anySatisfy(db -> {
                assertThat(db.path("spec").path("name").asText()).isEqualTo(database);
                assertThat(db.path("spec").path("owner").asText()).isEqualTo(role.path("name").asText());
                assertThat(db.path("spec").path("cluster").path("name").asText()).isEqualTo(clusterName);
            });
        }
    }

    @Test
    void local_makes_each_role_secret_as_cloudnative_pg_wants_it_and_production_needs_the_same() {
        Overlay local = Overlay.of("local");
        for (JsonNode role : Overlay.list(postgres(local).path("spec").path("managed").path("roles"))) {
            JsonNode secret = local.get("Secret", role.path("passwordSecret").path("name").asText());
            assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
            String username = new String(Base64.getDecoder().decode(secret.path("data").path("username").asText()),
                    StandardCharsets.UTF_8);
            assertThat(username).isEqualTo(role.path("name").asText());
            assertThat(secret.path("data").path("password").asText()).isNotEmpty();
        }
        // Production ships no Secret: the operator makes, by the README, the ones the local overlay makes.
        assertThat(Overlay.of("production").ofKind("Secret")).isEmpty();
        assertThat(secretsReferenced("production")).isEqualTo(secretsReferenced("local"));
        assertThat(secretsReferenced("local"))
                .isSubsetOf(local.ofKind("Secret").stream().map(s -> s.path("metadata").path("name").asText()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void network_policies_select_every_privet_pod_and_open_only_the_gateway_dns_and_data_plane(String overlay) {
        Overlay o = Overlay.of(overlay);
        List<NetworkPolicy> policies = o.ofKind("NetworkPolicy").stream().map(p -> (NetworkPolicy) MODELS.kubernetes(p)).toList();
        Map<String, List<NetworkPolicyPort>> openPorts = new LinkedHashMap<>();
        for (Deployment deployment : deployments(overlay)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
            assertThat(selecting).as("NetworkPolicies selecting " + name).isNotEmpty();
            selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                    .filter(K8sManifestsTest::fromAnywhere)
                    .forEach(rule -> openPorts.computeIfAbsent(name, n -> new ArrayList<>()).addAll(rule.getPorts()));
        }
        assertThat(openPorts.keySet()).isEqualTo(OPEN_TO_THE_CLUSTER);
        assertThat(openPorts.get("gateway")).extracting(p -> p.getPort().getStrVal()).containsExactly("http");
        assertThat(openPorts.get("dns-service")).extracting(p -> p.getPort().getStrVal() + "/" + p.getProtocol())
                .containsExactlyInAnyOrder("dns-udp/UDP", "dns-tcp/TCP");
        int api = Integer.parseInt(setting(o, deployment(overlay, "network-service"), "quarkus.http.port"));
        assertThat(openPorts.get("network-service")).as("the data plane's ports leave network-service's API closed")
                .isNotEmpty()
                .noneSatisfy(p -> assertThat(api).isBetween(p.getPort().getIntVal(),
                        Objects.requireNonNullElse(p.getEndPort(), p.getPort().getIntVal())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_deployment_has_a_disruption_budget_that_lets_a_drain_through(String overlay) {
        List<JsonNode> budgets = Overlay.of(overlay).ofKind("PodDisruptionBudget");
        for (Deployment deployment : deployments(overlay)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets).as(deployment.getMetadata().getName()).anySatisfy(pdb -> {
                var budget = (io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget) MODELS.kubernetes(pdb);
                assertThat(selects(budget.getSpec().getSelector(), labels)).isTrue();
                assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
            });
        }
    }

    // --- what the checks share

    private static List<Deployment> deployments(String overlay) {
        return Overlay.of(overlay).privetDeployments().stream().map(d -> (Deployment) MODELS.kubernetes(d)).toList();
    }

    private static Deployment deployment(String overlay, String name) {
        return (Deployment) MODELS.kubernetes(Overlay.of(overlay).get("Deployment", name));
    }

    private static List<Deployment> eventSourced(String overlay) {
        List<Deployment> services = deployments(overlay).stream()
                .filter(d -> EVENT_SOURCED.equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .toList();
        assertThat(services).hasSize(4);
        return services;
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName()).hasSize(1);
        return containers.getFirst();
    }

    /** The properties the module of a Deployment reads (the Deployment is named as its folder). */
    private static ServiceProperties properties(Deployment deployment) {
        return ServiceProperties.of(deployment.getMetadata().getName());
    }

    /**
     * Every environment variable the container gets, with its value where the overlay holds it: its own, and each
     * key of the ConfigMaps and Secrets it takes whole. A source that is missing fails unless it is optional.
     */
    private static Map<String, String> environment(Overlay overlay, Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        Container container = container(deployment);
        for (EnvFromSource from : container.getEnvFrom()) {
            boolean configMap = from.getConfigMapRef() != null;
            String name = configMap ? from.getConfigMapRef().getName() : from.getSecretRef().getName();
            Boolean optional = configMap ? from.getConfigMapRef().getOptional() : from.getSecretRef().getOptional();
            var source = overlay.find(configMap ? "ConfigMap" : "Secret", name);
            if (source.isEmpty()) {
                assertThat(optional).as(deployment.getMetadata().getName() + " takes " + name + ", which is missing")
                        .isTrue();
                continue;
            }
            source.get().path("data").properties().forEach(e -> env.put(e.getKey(),
                    configMap ? e.getValue().asText() : decoded(e.getValue().asText())));
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    /**
     * The value of a property in a Deployment's container, by MicroProfile Config's order: the container's
     * environment, then the image's (its Dockerfile's ENV), then the module's application.properties.
     */
    private static String setting(Overlay overlay, Deployment deployment, String property) {
        String variable = ServiceProperties.envForm(property);
        String value = environment(overlay, deployment).get(variable);
        if (value == null) {
            value = Dockerfile.environment().get(variable);
        }
        return value != null ? value : properties(deployment).applicationProperty(property);
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** A value with its ${property} expressions expanded from the module's application.properties, as Quarkus does. */
    private static String expand(String value, ServiceProperties properties) {
        assertThat(value).isNotNull();
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.applicationProperty(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String secretOf(EnvVar var, String key, String deployment) {
        assertThat(var).as(deployment + " has its database user and password").isNotNull();
        var ref = var.getValueFrom().getSecretKeyRef();
        assertThat(ref.getKey()).as(var.getName()).isEqualTo(key);
        return ref.getName();
    }

    private static Set<String> secretsReferenced(String overlay) {
        Set<String> names = new TreeSet<>();
        for (Deployment d : deployments(overlay)) {
            Container c = container(d);
            c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
        }
        Overlay.list(postgres(Overlay.of(overlay)).path("spec").path("managed").path("roles"))
                .forEach(r -> names.add(r.path("passwordSecret").path("name").asText()));
        return names;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("these checks read matchLabels only").isNullOrEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    /** A rule that admits every pod of the cluster (no from, or any namespace). */
    private static boolean fromAnywhere(NetworkPolicyIngressRule rule) {
        return rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                && peer.getNamespaceSelector().getMatchLabels().isEmpty()
                && peer.getNamespaceSelector().getMatchExpressions().isEmpty() && peer.getPodSelector() == null);
    }

    private static Kafka kafka(Overlay o) {
        List<JsonNode> kafkas = o.ofKind("Kafka");
        assertThat(kafkas).hasSize(1);
        return (Kafka) MODELS.strimzi(kafkas.getFirst());
    }

    private static int nodes(Overlay o, ProcessRoles role) {
        return o.ofKind("KafkaNodePool").stream().map(p -> (KafkaNodePool) MODELS.strimzi(p))
                .filter(p -> p.getSpec().getRoles().contains(role))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private static JsonNode postgres(Overlay o) {
        List<JsonNode> clusters = o.ofKind("Cluster");
        assertThat(clusters).hasSize(1);
        return clusters.getFirst();
    }
}
