package dev.privet.network.app;

import dev.privet.eventstore.AdvisoryLocks;
import dev.privet.network.domain.Cidr;
import jakarta.enterprise.context.ApplicationScoped;

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
@ApplicationScoped
class CrossStreamChecks {
    private final AdvisoryLocks locks;

    CrossStreamChecks(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** The blocks of the VPC's subnets, after locking the VPC's subnet scope until the transaction ends. */
    List<Cidr> lockedSubnetBlocksOf(Connection c, String vpcId) throws SQLException {
        locks.lockScope(c, "subnets-of:" + vpcId);
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

    /** Whether the account has a load balancer of that name, after locking the account's names. */
    boolean lockedLoadBalancerNameTaken(Connection c, String owner, String name) throws SQLException {
        return lockedNameTaken(c, "load-balancer-names:", "LoadBalancerCreated", owner, name);
    }

    /** Whether the account has a target group of that name, after locking the account's target group names. */
    boolean lockedTargetGroupNameTaken(Connection c, String owner, String name) throws SQLException {
        return lockedNameTaken(c, "target-group-names:", "TargetGroupCreated", owner, name);
    }

    private boolean lockedNameTaken(Connection c, String scope, String eventType, String owner, String name)
            throws SQLException {
        locks.lockScope(c, scope + owner);
        try (PreparedStatement st = c.prepareStatement("""
                select 1 from events where event_type = ?
                   and payload->>'ownerId' = ? and payload->>'name' = ?""")) {
            st.setString(1, eventType);
            st.setString(2, owner);
            st.setString(3, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
