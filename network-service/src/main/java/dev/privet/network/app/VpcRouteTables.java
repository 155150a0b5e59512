package dev.privet.network.app;

import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.domain.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A VPC's route tables as the commands of its VPC and subnets change them, in their own transaction: a VPC is made
 * with its main table and deleted with it, a subnet's association goes with the subnet. The facts across tables
 * (which tables a VPC has, which table a subnet is associated with) are read from the event store itself, as
 * {@link CrossStreamChecks} reads its facts; callers hold the VPC's subnet lock where a fact must not change under
 * them.
 */
@ApplicationScoped
class VpcRouteTables {
    private final DeciderRunner deciders;

    VpcRouteTables(DeciderRunner deciders) {
        this.deciders = deciders;
    }

    /** The tables of a VPC that are not deleted: its main one (none for a VPC made before route tables) and others. */
    record Tables(Optional<String> main, List<String> others) {
    }

    /** A subnet's explicit association with a table. */
    record Association(String routeTableId, String associationId) {
    }

    /** Makes the main table of a VPC being created, with the VPC's local route. */
    void createMain(Connection c, VpcCreated vpc, EventMetadata metadata) throws SQLException {
        String routeTableId = IdFormat.ROUTE_TABLE.newId();
        var created = new RouteTableCreated(routeTableId, vpc.vpcId(), vpc.ownerId(), vpc.cidrBlock(), true);
        deciders.run(c, routeTableId, new RouteTable.Command.Create(created), RouteTable.DECIDER, metadata);
    }

    /**
     * The Gateway endpoints that route through the VPC's main table: like its other tables, they keep the VPC from
     * being deleted (AWS refuses to delete a VPC that has endpoints).
     */
    List<String> gatewayEndpointsOf(Connection c, Tables tables) throws SQLException {
        if (tables.main().isEmpty()
                || !(deciders.load(c, tables.main().get(), RouteTable.DECIDER).state() instanceof RouteTable.Table t)) {
            return List.of();
        }
        return t.routes().stream().map(Route::gatewayId).filter(IdFormat.VPC_ENDPOINT::matches).toList();
    }

    /** Deletes the VPC's main table, as the VPC is deleted in the same transaction. */
    void deleteMain(Connection c, Tables tables, EventMetadata metadata) throws SQLException {
        if (tables.main().isPresent()) {
            deciders.run(c, tables.main().get(), new RouteTable.Command.Delete(true), RouteTable.DECIDER, metadata);
        }
    }

    /** Disassociates the subnet from its table, if it has one, as the subnet is deleted in the same transaction. */
    void releaseSubnet(Connection c, String subnetId, EventMetadata metadata) throws SQLException {
        Optional<Association> association = associationOf(c, subnetId);
        if (association.isPresent()) {
            deciders.run(c, association.get().routeTableId(),
                    new RouteTable.Command.Disassociate(association.get().associationId()), RouteTable.DECIDER,
                    metadata);
        }
    }

    /** The VPC's tables that are not deleted. Call it holding the VPC's lock ({@link CrossStreamChecks#lockedSubnetsOf}). */
    Tables of(Connection c, String vpcId) throws SQLException {
        Optional<String> main = Optional.empty();
        List<String> others = new ArrayList<>();
        for (String[] table : rows(c, """
                select t.stream_id, t.payload->>'main' from events t
                 where t.event_type = 'RouteTableCreated' and t.payload->>'vpcId' = ?
                   and not exists (select 1 from events d where d.event_type = 'RouteTableDeleted'
                                      and d.stream_id = t.stream_id)
                 order by t.global_position""", vpcId)) {
            if (Boolean.parseBoolean(table[1])) {
                main = Optional.of(table[0]);
            } else {
                others.add(table[0]);
            }
        }
        return new Tables(main, others);
    }

    /**
     * The subnet's explicit association, if it has one (an association no disassociation followed). Call it holding
     * the subnet's VPC lock, under which associations are made and subnets deleted.
     */
    Optional<Association> associationOf(Connection c, String subnetId) throws SQLException {
        return rows(c, """
                select a.stream_id, a.payload->>'associationId' from events a
                 where a.event_type = 'RouteTableAssociated' and a.payload->>'subnetId' = ?
                   and not exists (select 1 from events d where d.event_type = 'RouteTableDisassociated'
                                      and d.stream_id = a.stream_id
                                      and d.payload->>'associationId' = a.payload->>'associationId')""", subnetId)
                .stream().map(row -> new Association(row[0], row[1])).findFirst();
    }

    /** The table an explicit association was made on, whether or not it is still in place. */
    Optional<String> tableWithAssociation(Connection c, String associationId) throws SQLException {
        return CrossStreamChecks.column(c, """
                select a.stream_id from events a
                 where a.event_type = 'RouteTableAssociated' and a.payload->>'associationId' = ?""", associationId)
                .stream().findFirst();
    }

    /** The main tables of the account's VPCs that are not deleted. */
    List<String> mainTablesOf(Connection c, String ownerId) throws SQLException {
        return CrossStreamChecks.column(c, """
                select t.stream_id from events t
                 where t.event_type = 'RouteTableCreated' and t.payload->>'ownerId' = ?
                   and t.payload->>'main' = 'true'
                   and not exists (select 1 from events d where d.event_type = 'RouteTableDeleted'
                                      and d.stream_id = t.stream_id)
                 order by t.global_position""", ownerId);
    }

    /** The subnet an interface was made in (its stream says whether it still holds it). */
    Optional<String> subnetOfInterface(Connection c, String networkInterfaceId) throws SQLException {
        return CrossStreamChecks.column(c, """
                select e.stream_id from events e
                 where e.event_type = 'NetworkInterfaceCreated' and e.payload->>'networkInterfaceId' = ?""",
                networkInterfaceId).stream().findFirst();
    }

    /** The two columns of each row {@code sql} selects with {@code value} as its one parameter. */
    private static List<String[]> rows(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return rows;
        }
    }
}
