package dev.privet.network.app;

import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.Transactions;
import dev.privet.network.domain.SecurityGroupRules;
import dev.privet.network.domain.Vpc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Gives every live VPC that lacks them its main route table and its default security group, as CreateVpc gives a new
 * VPC both: a VPC made by a build older than route tables and security groups has neither, so it could take no
 * Gateway endpoint on its main table, and no Interface endpoint without naming groups. It runs at every start-up,
 * and finds nothing to do once each VPC has both; each VPC is completed in a transaction of its own under the VPC's
 * lock, which its deletion and its groups' creation also take, so replicas starting together, or a VPC deleted
 * meanwhile, change each VPC once or not at all. The events name network-service as their principal: no caller asked
 * for them.
 */
@ApplicationScoped
public class VpcDefaults {
    private static final Logger LOG = Logger.getLogger(VpcDefaults.class);
    static final String PRINCIPAL = "privet:network-service";

    private final DeciderRunner deciders;
    private final Transactions transactions;
    private final CrossStreamChecks checks;
    private final VpcRouteTables routeTables;
    private final SecurityGroupChecks groups;
    private final SecurityGroupCommands securityGroups;

    VpcDefaults(DeciderRunner deciders, Transactions transactions, CrossStreamChecks checks,
                VpcRouteTables routeTables, SecurityGroupChecks groups, SecurityGroupCommands securityGroups) {
        this.deciders = deciders;
        this.transactions = transactions;
        this.checks = checks;
        this.routeTables = routeTables;
        this.groups = groups;
        this.securityGroups = securityGroups;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int completed = completeAll();
            if (completed > 0) {
                LOG.infof("gave %d VPCs made before route tables and security groups their main route table and "
                        + "default security group", completed);
            }
        } catch (RuntimeException e) { // the next start tries again; nothing is half-done
            LOG.warnf("could not complete older VPCs with their main route table and default security group: %s", e);
        }
    }

    /**
     * Completes each live VPC that lacks its main route table or its default group; answers how many it changed. The
     * candidates come from one query (a VPC's main table and default group go only with the VPC, so one that ever had
     * them has them), and each is looked at again under its lock.
     */
    public int completeAll() {
        List<String> vpcIds = transactions.inTransaction(c -> CrossStreamChecks.column(c, """
                select v.stream_id from events v
                 where v.event_type = ?
                   and not exists (select 1 from events d where d.event_type = 'VpcDeleted'
                                      and d.stream_id = v.stream_id)
                   and (not exists (select 1 from events t where t.event_type = 'RouteTableCreated'
                                       and t.payload->>'vpcId' = v.stream_id and (t.payload->>'main')::boolean)
                        or not exists (select 1 from events g where g.event_type = 'SecurityGroupCreated'
                                          and g.payload->>'vpcId' = v.stream_id
                                          and (g.payload->>'isDefault')::boolean))
                 order by v.global_position""", "VpcCreated"));
        int completed = 0;
        for (String vpcId : vpcIds) {
            if (transactions.inTransaction(c -> complete(c, vpcId))) { // the relay publishes them when it runs
                completed++;
            }
        }
        return completed;
    }

    private boolean complete(Connection c, String vpcId) throws SQLException {
        checks.lockedSubnetsOf(c, vpcId); // the VPC's lock: its deletion waits, or is seen
        if (!(deciders.load(c, vpcId, Vpc.DECIDER).state() instanceof Vpc.Created created)) {
            return false; // deleted meanwhile
        }
        VpcCreated vpc = created.vpc();
        EventMetadata metadata = EventMetadata.forRequest(PRINCIPAL);
        boolean changed = false;
        if (routeTables.of(c, vpcId).main().isEmpty()) {
            routeTables.createMain(c, vpc, metadata);
            changed = true;
        }
        groups.lockGroupsOf(c, vpcId);
        if (!groups.groupsIn(c, vpcId).containsValue(true)) {
            if (groups.nameTaken(c, vpcId, SecurityGroupRules.DEFAULT_NAME)) {
                LOG.warnf("VPC %s has a group named '%s' that is not its default group: it gets none", vpcId,
                        SecurityGroupRules.DEFAULT_NAME);
            } else {
                securityGroups.createDefault(c, vpcId, vpc.ownerId(), metadata);
                changed = true;
            }
        }
        return changed;
    }
}
