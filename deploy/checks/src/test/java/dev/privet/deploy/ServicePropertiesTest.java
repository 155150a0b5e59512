package dev.privet.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The properties the deployment checks hold each environment variable against are those SmallRye Config reads. */
class ServicePropertiesTest {

    @Test
    void a_service_reads_the_properties_of_its_mappings_and_its_libraries() {
        ServiceProperties provider = ServiceProperties.of("provider-service");
        assertThat(provider.readsEnvironmentVariable("PRIVET_KAFKA_PARTITIONS")).isTrue();
        assertThat(provider.readsEnvironmentVariable("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(provider.readsEnvironmentVariable("PRIVET_KAFKA_PARTITION")).isFalse();
        assertThat(provider.readsEnvironmentVariable("PRIVET_DNS_PORT")).isFalse();

        ServiceProperties gateway = ServiceProperties.of("gateway");
        assertThat(gateway.readsEnvironmentVariable("PRIVET_SERVICES_DNS_URL")).isTrue();
        assertThat(gateway.readsEnvironmentVariable("privet.auth.keys.AKIAEXAMPLE.secret")).isTrue();
        assertThat(gateway.readsEnvironmentVariable("privet.auth.api-keys.some-key")).isTrue();
        assertThat(gateway.readsEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
    }


    @Test
    void a_mapping_is_named_as_smallrye_config_names_it() {
        String source = """
                @ConfigMapping(prefix = "privet.x")
                interface X {
                    String HEADER = "not-a-property";

                    /** A comment's "interface Nope {" is no declaration. */
                    @WithDefault("a { b") @WithName("renamed") String original();

                    int maxBytes();

                    Optional<Group> maybe();

                    Map<String, List<Group>> byKey();

                    @WithParentName
                    Group flat();

                    @SomeAnnotation({"x"}) @WithName("listed") List<Elsewhere> elsewhere();

                    default int twice() {
                        return 2 * maxBytes();
                    }

                    interface Group {
                        java.util.Optional<String> leaf();
                    }
                }
                """;
        Map<String, JavaSource> otherFile = JavaSource.of("interface Elsewhere { String value(); }").interfaces();

        assertThat(ServiceProperties.declaredIn("X.java", JavaSource.of(source), otherFile))
                .containsExactlyInAnyOrder("privet.x.renamed", "privet.x.max-bytes", "privet.x.maybe.leaf",
                        "privet.x.by-key.*[*].leaf", "privet.x.leaf", "privet.x.listed[*].value");
    }

    @Test
    void a_config_property_is_named_whatever_the_order_of_its_attributes() {
        String source = """
                class Bean {
                    Bean(@ConfigProperty(defaultValue = "x)", name = "privet.region") String region,
                         @ConfigProperty(name = "privet.gateway-secret") Optional<String> secret) {
                    }
                }
                """;

        assertThat(ServiceProperties.declaredIn("Bean.java", JavaSource.of(source), Map.of()))
                .containsExactly("privet.region", "privet.gateway-secret");
    }
}
