package dev.privet.consumer.projection;

import dev.privet.consumer.domain.Subnet;
import dev.privet.consumer.domain.Vpc;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.Projection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The VPCs and subnets of network-service, as its events tell them: what an endpoint request may name. */
@ApplicationScoped
public class NetworkView implements Projection {
    public static final String NAME = "network-view";

    private final EventRuntime runtime;

    NetworkView(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** This consumer's channel: each poll is applied once, in one transaction (see {@link EventRuntime#apply}). */
    @Incoming(NAME)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        runtime.apply(NAME, records);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case VpcCreated e -> {
                try (PreparedStatement st = c.prepareStatement("insert into network_vpcs (vpc_id, owner_id) "
                        + "values (?, ?) on conflict (vpc_id) do update set owner_id = excluded.owner_id")) {
                    st.setString(1, e.vpcId());
                    st.setString(2, e.ownerId());
                    st.executeUpdate();
                }
            }
            case SubnetCreated e -> {
                try (PreparedStatement st = c.prepareStatement("""
                        insert into network_subnets (subnet_id, vpc_id, owner_id, availability_zone, cidr_block)
                        values (?, ?, ?, ?, ?)
                        on conflict (subnet_id) do update set vpc_id = excluded.vpc_id, owner_id = excluded.owner_id,
                            availability_zone = excluded.availability_zone, cidr_block = excluded.cidr_block""")) {
                    st.setString(1, e.subnetId());
                    st.setString(2, e.vpcId());
                    st.setString(3, e.ownerId());
                    st.setString(4, e.availabilityZone());
                    st.setString(5, e.cidrBlock());
                    st.executeUpdate();
                }
            }
            default -> { } // load balancers and interfaces are not needed to check a request
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("truncate network_vpcs, network_subnets");
        }
    }

    public Optional<Vpc> findVpc(Connection c, String vpcId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select vpc_id, owner_id from network_vpcs where vpc_id = ?")) {
            st.setString(1, vpcId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Vpc(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** The subnets of {@code subnetIds} this view knows, by id. */
    public Map<String, Subnet> findSubnets(Connection c, List<String> subnetIds) throws SQLException {
        Map<String, Subnet> found = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select subnet_id, vpc_id, owner_id, availability_zone, "
                + "cidr_block from network_subnets where subnet_id = any (?)")) {
            st.setArray(1, c.createArrayOf("text", subnetIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Subnet(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return found;
    }
}
