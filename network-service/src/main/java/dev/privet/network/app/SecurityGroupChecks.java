package dev.privet.network.app;

import dev.privet.eventstore.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts about security groups that span streams, read from the event store itself (as {@link CrossStreamChecks}
 * reads the others): the names in a VPC, the groups of a VPC, the groups whose rules name a group, the endpoints a
 * group is applied to. Names and
 * references are decided under a transaction-scoped advisory lock on the VPC's groups, so two requests cannot both
 * take a name, nor a rule come to name a group while it is being deleted.
 */
@ApplicationScoped
class SecurityGroupChecks {
    /** The condition that the group of the event {@code e} is not deleted. */
    private static final String LIVE = " not exists (select 1 from events d where d.event_type = 'SecurityGroupDeleted'"
            + " and d.stream_id = e.stream_id) ";
    private final AdvisoryLocks locks;

    SecurityGroupChecks(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** Locks the VPC's security groups until the transaction ends. */
    void lockGroupsOf(Connection c, String vpcId) throws SQLException {
        locks.lockScope(c, "security-groups-of:" + vpcId);
    }

    /** Whether a group of the VPC that is not deleted has the name, in any case (AWS's names are case-insensitive). */
    boolean nameTaken(Connection c, String vpcId, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select 1 from events e where e.event_type = 'SecurityGroupCreated' and e.payload->>'vpcId' = ?
                   and lower(e.payload->>'groupName') = lower(?) and""" + LIVE)) {
            st.setString(1, vpcId);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The VPC's groups that are not deleted, each with whether it is the VPC's default one. Call it holding the VPC's
     * subnet lock ({@link CrossStreamChecks#lockedSubnetsOf}), which creating a group takes.
     */
    Map<String, Boolean> groupsIn(Connection c, String vpcId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select e.stream_id, (e.payload->>'isDefault')::boolean from events e
                 where e.event_type = 'SecurityGroupCreated' and e.payload->>'vpcId' = ? and""" + LIVE
                + "order by e.global_position")) {
            st.setString(1, vpcId);
            Map<String, Boolean> groups = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            return groups;
        }
    }

    /**
     * The other groups, not deleted, with a rule naming the group that is not revoked. Call it holding the lock of the
     * group's VPC ({@link #lockGroupsOf}), which authorizing a rule that names a group takes.
     */
    List<String> groupsReferringTo(Connection c, String groupId) throws SQLException {
        return CrossStreamChecks.column(c, """
                select distinct e.stream_id from events e cross join lateral jsonb_array_elements(e.payload->'rules') r
                 where e.event_type = 'SecurityGroupRulesAuthorized' and r->>'referencedGroupId' = ?
                   and e.stream_id <> r->>'referencedGroupId'
                   and not exists (select 1 from events v cross join lateral jsonb_array_elements(v.payload->'rules') g
                                    where v.event_type = 'SecurityGroupRulesRevoked' and v.stream_id = e.stream_id
                                      and g->>'securityGroupRuleId' = r->>'securityGroupRuleId')
                   and""" + LIVE + "order by e.stream_id", groupId);
    }

    /**
     * The endpoints, not released, whose groups (as network-service last applied them: the inline read model
     * {@code endpoint_security_groups}, written with the events) include the group. A change of an endpoint's groups
     * still on its way from consumer-service is not seen.
     */
    List<String> endpointsUsing(Connection c, String groupId) throws SQLException {
        return CrossStreamChecks.column(c, """
                select vpc_endpoint_id from endpoint_security_groups
                 where security_group_ids @> jsonb_build_array(?::text)
                 order by vpc_endpoint_id""", groupId);
    }
}
