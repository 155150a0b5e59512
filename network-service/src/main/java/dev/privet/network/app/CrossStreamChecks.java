package dev.privet.network.app;

import dev.privet.eventstore.AdvisoryLocks;
import dev.privet.network.domain.Cidr;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The VPC's subnets that are not deleted, with their blocks, after locking the VPC's subnet scope until the
     * transaction ends: subnets created, deleted or used by a load balancer in one VPC are decided one at a time.
     */
    Map<String, Cidr> lockedSubnetsOf(Connection c, String vpcId) throws SQLException {
        locks.lockScope(c, "subnets-of:" + vpcId);
        try (PreparedStatement st = c.prepareStatement("""
                select created.payload->>'subnetId', created.payload->>'cidrBlock' from events created
                 where created.event_type = 'SubnetCreated' and created.payload->>'vpcId' = ?
                   and not exists (select 1 from events deleted where deleted.event_type = 'SubnetDeleted'
                                      and deleted.stream_id = created.stream_id)
                 order by created.global_position""")) {
            st.setString(1, vpcId);
            Map<String, Cidr> subnets = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    subnets.put(rs.getString(1), Cidr.parse(rs.getString(2)).orElseThrow());
                }
            }
            return subnets;
        }
    }

    /** The load balancers made in the subnet. Call it holding the subnet's VPC lock ({@link #lockedSubnetsOf}). */
    List<String> loadBalancersIn(Connection c, String subnetId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select stream_id from events where event_type = 'LoadBalancerCreated'
                   and payload->'subnetIds' @> jsonb_build_array(?::text) order by global_position""")) {
            st.setString(1, subnetId);
            List<String> arns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    arns.add(rs.getString(1));
                }
            }
            return arns;
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
