package dev.privet.network.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;
import dev.privet.eventstore.Transactions;
import dev.privet.network.api.NetworkDtos.LoadBalancer;
import dev.privet.network.api.NetworkDtos.NetworkInterface;
import dev.privet.network.api.NetworkDtos.Subnet;
import dev.privet.network.api.NetworkDtos.Vpc;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries of the network read model, always scoped to the caller's account. */
@ApplicationScoped
public class NetworkReads {
    private final Transactions transactions;
    private final ObjectMapper json = new ObjectMapper();

    NetworkReads(Transactions transactions) {
        this.transactions = transactions;
    }

    public List<Vpc> vpcs(String owner, String vpcId) {
        return query("select vpc_id, cidr_block, owner_id, region from vpcs where owner_id = ? and (?::text is null or vpc_id = ?) order by vpc_id",
                rs -> new Vpc(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), "available"),
                owner, vpcId, vpcId);
    }

    public List<Subnet> subnets(String owner, String subnetId) {
        return query("""
                select subnet_id, vpc_id, cidr_block, availability_zone, available_addresses, owner_id from subnets
                 where owner_id = ? and (?::text is null or subnet_id = ?) order by subnet_id""",
                rs -> new Subnet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), "available"),
                owner, subnetId, subnetId);
    }

    public List<LoadBalancer> loadBalancers(String owner, String name) {
        return query("""
                select load_balancer_arn, name, type, vpc_id, subnet_ids::text, listeners::text, targets::text, owner_id
                  from load_balancers where owner_id = ? and (?::text is null or name = ?) order by name""",
                rs -> new LoadBalancer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        read(rs.getString(5), new TypeReference<List<String>>() { }),
                        read(rs.getString(6), new TypeReference<List<Listener>>() { }),
                        read(rs.getString(7), new TypeReference<List<Target>>() { }), rs.getString(8), "active"),
                owner, name, name);
    }

    public List<NetworkInterface> endpointInterfaces(String owner, String vpcEndpointId) {
        return query("""
                select n.network_interface_id, n.subnet_id, n.vpc_endpoint_id, n.private_ip_address
                  from network_interfaces n join subnets s on s.subnet_id = n.subnet_id
                 where s.owner_id = ? and (?::text is null or n.vpc_endpoint_id = ?) order by n.network_interface_id""",
                rs -> new NetworkInterface(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                owner, vpcEndpointId, vpcEndpointId);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, String... args) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    st.setString(i + 1, (String) args[i]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
            }
        });
    }
}
