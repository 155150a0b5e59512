package dev.privet.dns.messaging;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.ids.EndpointDnsNames;
import dev.privet.contracts.ids.Region;
import dev.privet.dns.domain.EndpointDnsCommand.PublishNames;
import dev.privet.dns.domain.EndpointDnsCommand.RepublishNames;
import dev.privet.dns.domain.VpceHostedZone;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.PrivetConfig;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

import static dev.privet.dns.domain.EndpointDnsDecider.DECIDER;

/**
 * When an endpoint's interfaces are ready, its names are published (unless its DNS stream already exists: published,
 * or removed because the deletion came first); when its subnets changed, they are published again on the new
 * interfaces. The append, the records the DNS server answers from (inline read
 * model) and this reaction's applied marker commit together, on the subscription's connection.
 */
@ApplicationScoped
public class PublishNamesOnProvisioning implements EventConsumer {
    public static final String NAME = "publish-names";

    private static final Logger LOG = Logger.getLogger(PublishNamesOnProvisioning.class);

    private final EventRuntime runtime;
    private final DeciderRunner deciders;
    private final Region region;
    private final String hostedZoneId;

    PublishNamesOnProvisioning(DeciderRunner deciders, PrivetConfig config, EventRuntime runtime) {
        this.runtime = runtime;
        this.deciders = deciders;
        this.region = new Region(config.region());
        this.hostedZoneId = VpceHostedZone.of(region);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** This consumer's channel: each poll is applied once, in one transaction (see {@link EventRuntime#apply}). */
    @Incoming(NAME)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        runtime.apply(NAME, records);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case EndpointNetworkProvisioned provisioned -> {
                // The names carry a random suffix: generated here, so deciding stays pure.
                var names = EndpointDnsNames.generate(provisioned.vpcEndpointId(), provisioned.serviceId(), region);
                var decided = deciders.run(c, provisioned.vpcEndpointId(), new PublishNames(
                        provisioned.vpcEndpointId(), provisioned.serviceId(), provisioned.networkInterfaces(), names,
                        hostedZoneId), DECIDER, EventMetadata.causedBy(envelope));
                ReactionLog.log(LOG, provisioned.vpcEndpointId(), "provisioning", decided);
            }
            case EndpointNetworkModified modified -> {
                var decided = deciders.run(c, modified.vpcEndpointId(), new RepublishNames(modified.vpcEndpointId(),
                        modified.serviceId(), modified.networkInterfaces(), hostedZoneId), DECIDER,
                        EventMetadata.causedBy(envelope));
                ReactionLog.log(LOG, modified.vpcEndpointId(), "change of subnets", decided);
            }
            default -> { } // the rest of the network's events names nothing
        }
    }
}
