package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointRouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModified;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesProvisioned;
import dev.privet.network.domain.EndpointNetwork.Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A Gateway endpoint's network")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GatewayEndpointNetworkTest {
    static final String ENDPOINT = "vpce-0123456789abcdef0";
    static final String SERVICE = "vpce-svc-0123456789abcdef0";
    static final String PREFIX_LIST = "pl-0123456789abcdef0";
    static final EndpointRoutesProvisioned ROUTED = new EndpointRoutesProvisioned(ENDPOINT, SERVICE, PREFIX_LIST,
            List.of("rtb-a"));

    static EndpointNetwork after(NetworkEvent... events) {
        EndpointNetwork state = EndpointNetwork.DECIDER.initialState();
        for (NetworkEvent e : events) {
            state = EndpointNetwork.DECIDER.evolve(state, e, Instant.EPOCH);
        }
        return state;
    }

    static List<NetworkEvent> decide(Command command, NetworkEvent... history) {
        return EndpointNetwork.DECIDER.decide(command, after(history));
    }

    @Test
    void is_routed_once_and_has_no_interfaces_to_release() {
        assertThat(decide(new Command.ProvisionRoutes(ENDPOINT, SERVICE, PREFIX_LIST, List.of("rtb-a"))))
                .containsExactly(ROUTED);
        assertThat(decide(new Command.ProvisionRoutes(ENDPOINT, SERVICE, PREFIX_LIST, List.of("rtb-a")), ROUTED))
                .isEmpty();
        assertThat(after(ROUTED)).isEqualTo(new EndpointNetwork.Routed(SERVICE, PREFIX_LIST, List.of("rtb-a")));
        assertThat(after(ROUTED).interfacesToRelease()).isEmpty();
    }

    @Test
    void changes_its_route_tables_only_while_routed() {
        var modified = new EndpointRoutesModified(ENDPOINT, SERVICE, List.of("rtb-b"));
        assertThat(decide(new Command.ModifyRoutes(ENDPOINT, SERVICE, List.of("rtb-b")), ROUTED))
                .containsExactly(modified);
        assertThat(after(ROUTED, modified)).isEqualTo(new EndpointNetwork.Routed(SERVICE, PREFIX_LIST,
                List.of("rtb-b")));
        assertThat(decide(new Command.ModifyRoutes(ENDPOINT, SERVICE, List.of("rtb-b")))).isEmpty();
    }

    @Test
    void keeps_its_route_tables_when_a_change_fails() {
        var failed = new EndpointRoutesModificationFailed(ENDPOINT, SERVICE, "rtb-b is gone", List.of("rtb-a"));
        assertThat(decide(new Command.FailRouteModification(ENDPOINT, SERVICE, "rtb-b is gone"), ROUTED))
                .containsExactly(failed);
        assertThat(after(ROUTED, failed)).isEqualTo(after(ROUTED));
    }

    @Test
    void loses_a_deleted_route_table_it_routes_through_and_no_other() {
        var routed = new EndpointRoutesProvisioned(ENDPOINT, SERVICE, PREFIX_LIST, List.of("rtb-a", "rtb-b"));
        var lost = new EndpointRouteTableDeleted(ENDPOINT, SERVICE, "rtb-b");
        assertThat(decide(new Command.LoseRouteTable(ENDPOINT, "rtb-b"), routed)).containsExactly(lost);
        assertThat(after(routed, lost)).isEqualTo(new EndpointNetwork.Routed(SERVICE, PREFIX_LIST, List.of("rtb-a")));
        assertThat(decide(new Command.LoseRouteTable(ENDPOINT, "rtb-b"), routed, lost)).isEmpty();
        assertThat(decide(new Command.LoseRouteTable(ENDPOINT, "rtb-a"))).as("nothing routed").isEmpty();
    }

    @Test
    void is_released_for_good() {
        var released = new EndpointNetworkReleased(ENDPOINT, SERVICE, List.of());
        assertThat(decide(new Command.Release(ENDPOINT, SERVICE, List.of()), ROUTED)).containsExactly(released);
        assertThat(decide(new Command.ProvisionRoutes(ENDPOINT, SERVICE, PREFIX_LIST, List.of("rtb-a")), released))
                .isEmpty();
        assertThat(decide(new Command.ModifyRoutes(ENDPOINT, SERVICE, List.of()), ROUTED, released)).isEmpty();
    }
}
