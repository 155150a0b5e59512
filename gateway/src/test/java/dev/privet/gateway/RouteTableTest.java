package dev.privet.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which service owns which path. */
class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/endpoint-services, PROVIDER",
            "/v1/endpoint-services/vpce-svc-0123456789abcdef0/permissions, PROVIDER",
            "/v1/endpoint-connections, PROVIDER",
            "/v1/vpc-endpoints/vpce-0123456789abcdef0, CONSUMER",
            "/v1/vpc-endpoint-services, CONSUMER",
            "/v1/vpcs, NETWORK",
            "/v1/subnets/subnet-0123456789abcdef0, NETWORK",
            "/v1/load-balancers, NETWORK",
            "/v1/network-interfaces, NETWORK",
            "/v1/route-tables/rtb-0123456789abcdef0/routes, NETWORK",
            "/v1/route-table-associations/rtbassoc-0123456789abcdef0, NETWORK",
            "/v1/prefix-lists, NETWORK",
            "/v1/endpoint-dns/vpce-0123456789abcdef0, DNS",
            "/v1/dns-records, DNS",
            "/v1/hosted-zones, DNS",
            "/v1/hosted-zones/Z0123456789ABC/rrsets, DNS"})
    void routes(String path, Backend backend) {
        assertThat(RouteTable.backendFor(path)).contains(backend);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/vpcs, /v1/vpcs",
            "/v1/vpcs/vpc-0123456789abcdef0, /v1/vpcs/{id}",
            "/v1/vpcs/vpc-0123456789abcdef0/attributes, /v1/vpcs/{id}/attributes",
            "/v1/load-balancers/web/listeners/443/attributes, /v1/load-balancers/{id}/listeners/{id}/attributes",
            "/v1/endpoint-services/vpce-svc-0123456789abcdef0/connections/acceptances, /v1/endpoint-services/{id}/connections/acceptances",
            "/v1/security-groups/sg-0123456789abcdef0/ingress/revocations, /v1/security-groups/{id}/ingress/revocations",
            "/v1/hosted-zones/Z0123456789ABC/rrsets, /v1/hosted-zones/{id}/rrsets",
            "/v1/vpcs/, /v1/vpcs/"})
    @DisplayName("a path is counted under its route: ids and names as {id}, the words kept")
    void template(String path, String template) {
        assertThat(RouteTable.template(path)).isEqualTo(template);
    }

    @Test
    @DisplayName("a path that only starts like a route, or is outside /v1/, has no service")
    void noRoute() {
        assertThat(RouteTable.backendFor("/v1/endpoint-servicesX")).isEmpty();
        assertThat(RouteTable.backendFor("/v1/")).isEmpty();
        assertThat(RouteTable.backendFor("/v2/vpcs")).isEmpty();
        assertThat(RouteTable.backendFor("/q/health")).isEmpty();
    }
}
