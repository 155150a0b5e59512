package dev.privet.dns.app;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.contracts.ids.Region;
import dev.privet.dns.domain.EndpointDns;
import dev.privet.dns.domain.EndpointDnsCommand;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import dev.privet.dns.domain.VpceHostedZone;
import dev.privet.eventstore.EventStore;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Publishes and removes endpoint names in reaction to other services' events, on the connection (and so in the
 * transaction) the reaction was given: load the endpoint's DNS stream, decide, append.
 */
@ApplicationScoped
public class EndpointDnsCommands {
    private static final Logger LOG = Logger.getLogger(EndpointDnsCommands.class);

    private final EventStore store;
    private final Region region;
    private final String hostedZoneId;

    EndpointDnsCommands(EventStore store, PrivetConfig config) {
        this.store = store;
        this.region = new Region(config.region());
        this.hostedZoneId = VpceHostedZone.of(region);
    }

    public void publishNames(Connection c, EventEnvelope cause, EndpointNetworkProvisioned provisioned)
            throws SQLException {
        EndpointDnsNames names = EndpointDnsNames.generate(provisioned.vpcEndpointId(), provisioned.serviceId(), region);
        decideAndAppend(c, cause, new PublishNames(provisioned.vpcEndpointId(), provisioned.serviceId(),
                provisioned.networkInterfaces(), names, hostedZoneId));
    }

    public void removeNames(Connection c, EventEnvelope cause, VpcEndpointDeletionRequested deletion)
            throws SQLException {
        decideAndAppend(c, cause, new RemoveNames(deletion.vpcEndpointId(), deletion.serviceId()));
    }

    private void decideAndAppend(Connection c, EventEnvelope cause, EndpointDnsCommand command) throws SQLException {
        EndpointDns state = EndpointDns.from(command.vpcEndpointId(), store.load(c, command.vpcEndpointId()));
        List<DnsEvent> events = EndpointDns.decide(command, state);
        if (events.isEmpty()) {
            LOG.debugf("%s: %s does not apply to names that are %s; ignored", command.vpcEndpointId(),
                    command.getClass().getSimpleName(), state.status().wireName());
            return;
        }
        store.append(c, state.version(), EventMetadata.causedBy(cause), events);
        LOG.infof("%s: %s", command.vpcEndpointId(), events.getFirst().eventType());
    }
}
