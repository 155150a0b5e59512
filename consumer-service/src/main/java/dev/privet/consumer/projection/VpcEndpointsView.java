package dev.privet.consumer.projection;

import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.domain.VpcEndpointState;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.eventstore.InlineProjection;
import dev.privet.runtime.ReadModelTables;
import dev.privet.runtime.tags.ResourceTagRow;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointTagsChanged;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * This service's own VPC endpoints ({@link VpcEndpointRow}), for reads and lists. Written inline, through Panache: the
 * event store runs it in the transaction that appends an endpoint's events, so a read after a write sees it, from any
 * replica, without waiting. Each row is the endpoint folded with the same {@link VpcEndpointDecider#evolve} as the
 * write side, so the two cannot drift.
 */
@ApplicationScoped
public class VpcEndpointsView implements InlineProjection {
    public static final String NAME = "vpc-endpoints";
    private static final VpcEndpointDecider DECIDER = new VpcEndpointDecider();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        if (!(envelope.event() instanceof ConsumerEvent event)) {
            return; // the service's other streams, if it ever has any
        }
        if (event instanceof VpcEndpointTagsChanged tags) {
            ResourceTagRow.apply(tags);
            return;
        }
        if (event instanceof VpcEndpointDeleted) {
            ResourceTagRow.deleteById(event.vpcEndpointId());
        }
        Optional<VpcEndpointRow> row = VpcEndpointRow.find(event.vpcEndpointId());
        VpcEndpointState current = row.<VpcEndpointState>map(VpcEndpointRow::endpoint)
                .orElseGet(DECIDER::initialState);
        if (DECIDER.evolve(current, event, envelope.time()) instanceof VpcEndpoint next) {
            VpcEndpointRow written = row.orElseGet(VpcEndpointRow::new);
            written.hold(next);
            if (event instanceof VpcEndpointDeleted) {
                written.deletedAt = envelope.time();
            }
            written.persist();
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "resource_tags", "vpc_endpoints");
    }
}
