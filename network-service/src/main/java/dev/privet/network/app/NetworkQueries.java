package dev.privet.network.app;

import dev.privet.network.domain.Cidr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions that span streams (a subnet must not overlap its siblings; a load balancer name is unique in its
 * account) read the event store itself, not a read model, under a transaction-scoped advisory lock on the scope,
 * so two concurrent requests cannot both pass the check.
 */
final class NetworkQueries {
    private NetworkQueries() {
    }

    static void lockScope(Connection c, String scope) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, scope);
            st.execute();
        }
    }

    static List<Cidr> subnetBlocksOf(Connection c, String vpcId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select payload->>'cidrBlock' from events where event_type = 'SubnetCreated' and payload->>'vpcId' = ?")) {
            st.setString(1, vpcId);
            List<Cidr> blocks = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    blocks.add(Cidr.parse(rs.getString(1)).orElseThrow());
                }
            }
            return blocks;
        }
    }

    static boolean loadBalancerNameTaken(Connection c, String owner, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select 1 from events where event_type = 'LoadBalancerCreated'
                   and payload->>'ownerId' = ? and payload->>'name' = ?""")) {
            st.setString(1, owner);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
