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

    /** The target groups in the VPC that are not deleted. Call it holding the VPC's lock ({@link #lockedSubnetsOf}). */
    List<String> targetGroupsIn(Connection c, String vpcId) throws SQLException {
        return column(c, """
                select e.stream_id from events e where e.event_type = 'TargetGroupCreated' and e.payload->>'vpcId' = ?
                   and not exists (select 1 from events d where d.event_type = 'TargetGroupDeleted'
                                      and d.stream_id = e.stream_id)
                 order by e.global_position""", vpcId);
    }

    /** The load balancers made in the subnet. Call it holding the subnet's VPC lock ({@link #lockedSubnetsOf}). */
    List<String> loadBalancersIn(Connection c, String subnetId) throws SQLException {
        return column(c, """
                select e.stream_id from events e where e.event_type = 'LoadBalancerCreated'
                   and e.payload->'subnetIds' @> jsonb_build_array(?::text)
                   and not exists (select 1 from events d where d.event_type = 'LoadBalancerDeleted'
                                      and d.stream_id = e.stream_id)
                 order by e.global_position""", subnetId);
    }

    /** Whether the account has a load balancer of that name, after locking the account's names. */
    boolean lockedLoadBalancerNameTaken(Connection c, String owner, String name) throws SQLException {
        return lockedNameTaken(c, "load-balancer-names:", "LoadBalancerCreated", "LoadBalancerDeleted", owner, name);
    }

    /** Whether the account has a target group of that name, after locking the account's target group names. */
    boolean lockedTargetGroupNameTaken(Connection c, String owner, String name) throws SQLException {
        return lockedNameTaken(c, "target-group-names:", "TargetGroupCreated", "TargetGroupDeleted", owner, name);
    }

    /** A name is taken by a resource created and not deleted since. */
    private boolean lockedNameTaken(Connection c, String scope, String created, String deleted, String owner,
                                    String name) throws SQLException {
        locks.lockScope(c, scope + owner);
        try (PreparedStatement st = c.prepareStatement("""
                select 1 from events e where e.event_type = ? and e.payload->>'ownerId' = ? and e.payload->>'name' = ?
                   and not exists (select 1 from events d where d.event_type = ? and d.stream_id = e.stream_id)""")) {
            st.setString(1, created);
            st.setString(2, owner);
            st.setString(3, name);
            st.setString(4, deleted);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The listeners (load balancer ARN and port) that forward to the target group, after locking the account's
     * target group use: adding a listener and deleting a target group are decided one at a time.
     */
    List<String> lockedListenersForwardingTo(Connection c, String owner, String targetGroupArn) throws SQLException {
        locks.lockScope(c, "target-group-use:" + owner);
        try (PreparedStatement st = c.prepareStatement("""
                select e.stream_id, e.payload->'listener'->>'port' from events e
                 where e.event_type = 'ListenerCreated' and e.payload->'listener'->>'targetGroupArn' = ?
                   and not exists (select 1 from events d where d.stream_id = e.stream_id and d.version > e.version
                       and (d.event_type = 'LoadBalancerDeleted' or (d.event_type = 'ListenerDeleted'
                            and d.payload->>'port' = e.payload->'listener'->>'port')))
                 order by e.global_position""")) {
            st.setString(1, targetGroupArn);
            List<String> listeners = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    listeners.add(rs.getString(1) + " port " + rs.getString(2));
                }
            }
            return listeners;
        }
    }

    /** Takes the lock {@link #lockedListenersForwardingTo} takes, before a listener is added. */
    void lockTargetGroupUse(Connection c, String owner) throws SQLException {
        locks.lockScope(c, "target-group-use:" + owner);
    }

    /**
     * Serialises, until the transaction ends, the transactions that act on one endpoint's network: the reactions to
     * its acceptance, groups, changes and release arrive on different topics and may be applied at once by two
     * replicas, and each decides on the state it loads first. Taken before the handler's first load. A poll is one
     * transaction, so an earlier record's appends may come before it: two replicas locking two endpoints in opposite
     * orders then deadlock, PostgreSQL aborts one, and that poll is applied again.
     */
    void lockEndpointNetwork(Connection c, String vpcEndpointId) throws SQLException {
        locks.lockScope(c, "endpoint-network:" + vpcEndpointId);
    }

    /** Locks the load balancer's use by endpoint services: a verification and a deletion go one at a time. */
    void lockLoadBalancerUse(Connection c, String loadBalancerArn) throws SQLException {
        locks.lockScope(c, "load-balancer-use:" + loadBalancerArn);
    }

    /** The endpoint services the load balancer was verified for and not released by since, after locking its use. */
    List<String> lockedServicesUsing(Connection c, String loadBalancerArn) throws SQLException {
        lockLoadBalancerUse(c, loadBalancerArn);
        return column(c, """
                select v.stream_id from events v where v.event_type = 'ServiceLoadBalancersVerified'
                   and v.payload->'loadBalancerArns' @> jsonb_build_array(?::text)
                   and not exists (select 1 from events r where r.event_type = 'ServiceLoadBalancersReleased'
                                      and r.stream_id = v.stream_id)
                 order by v.global_position""", loadBalancerArn);
    }

    /** The first column of each row {@code sql} selects with {@code value} as its one parameter. */
    static List<String> column(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
