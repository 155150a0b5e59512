package dev.privet.network.api;

import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import dev.privet.network.app.VpcDefaults;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service completes VPCs made before route tables and security groups, on real PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VpcDefaultsTest {
    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    VpcDefaults defaults;

    @Test
    void an_older_vpc_gets_its_main_route_table_and_default_group_once() {
        String account = newAccount();
        String vpc = IdFormat.VPC.newId();
        transactions.inTransaction(c -> store.append(c, 0, EventMetadata.forRequest(account), // as an older build did
                List.of(new VpcCreated(vpc, account, "10.9.0.0/16", "us-east-1"))));
        assertThat(tablesOf(account, vpc)).isEmpty();

        assertThat(defaults.completeAll()).isGreaterThanOrEqualTo(1);

        assertThat(tablesOf(account, vpc)).containsExactly(true); // one table, the main one, with its local route
        assertThat(as(account).get("/v1/route-tables").then().extract().<List<String>>path(
                "find { it.vpcId == '" + vpc + "' }.routes.gatewayId")).containsExactly("local");
        String group = SecurityGroupApiTest.defaultGroupOf(account, vpc);
        assertThat(as(account).get("/v1/security-groups/" + group).then().statusCode(200).extract()
                .<String>path("groupName")).isEqualTo("default");

        assertThat(defaults.completeAll()).as("a VPC that has both is left alone").isZero();
        assertThat(tablesOf(account, vpc)).containsExactly(true);
        assertThat(SecurityGroupApiTest.defaultGroupOf(account, vpc)).isEqualTo(group);
    }

    @Test
    void a_vpc_made_now_has_both_already_and_a_deleted_one_gets_none() {
        String account = newAccount();
        String live = NetworkApi.createVpc(account, "10.10.0.0/16");
        String gone = NetworkApi.createVpc(account, "10.11.0.0/16");
        as(account).delete("/v1/vpcs/" + gone).then().statusCode(204);

        defaults.completeAll();

        assertThat(tablesOf(account, live)).containsExactly(true);
        assertThat(tablesOf(account, gone)).isEmpty();
        SecurityGroupApiTest.defaultGroupOf(account, live); // exactly one
    }

    /** Whether each of the VPC's route tables is its main one. */
    private static List<Boolean> tablesOf(String account, String vpc) {
        return as(account).get("/v1/route-tables").then().statusCode(200).extract()
                .path("findAll { it.vpcId == '" + vpc + "' }.main");
    }
}
