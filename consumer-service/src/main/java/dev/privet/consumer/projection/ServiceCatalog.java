package dev.privet.consumer.projection;

import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.Projection;
import dev.privet.runtime.Sql;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of endpoint services consumers can connect to: provider-service's services, their state and allowed
 * principals, as its events tell them.
 */
@ApplicationScoped
public class ServiceCatalog implements Projection {
    public static final String NAME = "service-catalog";

    private final EventRuntime runtime;

    ServiceCatalog(EventRuntime runtime) {
        this.runtime = runtime;
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
            case EndpointServiceCreated e -> Sql.update(c, """
                    insert into catalog_services (service_id, service_name, owner_id, service_state, acceptance_required)
                    values (?, ?, ?, 'Pending', ?)
                    on conflict (service_id) do update set service_name = excluded.service_name,
                        owner_id = excluded.owner_id, acceptance_required = excluded.acceptance_required""",
                    e.serviceId(), e.serviceName(), e.ownerId(), e.acceptanceRequired());
            case EndpointServiceAvailable e -> setState(c, e.serviceId(), "Available");
            case EndpointServiceFailed e -> setState(c, e.serviceId(), "Failed");
            case AllowedPrincipalsAdded e -> {
                for (String principal : e.principals()) {
                    Sql.update(c, "insert into catalog_allowed_principals (service_id, principal) values (?, ?) "
                            + "on conflict do nothing", e.serviceId(), principal);
                }
            }
            case AllowedPrincipalsRemoved e -> {
                for (String principal : e.principals()) {
                    Sql.update(c, "delete from catalog_allowed_principals where service_id = ? and principal = ?",
                            e.serviceId(), principal);
                }
            }
            default -> { } // connections are not the catalog's concern
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("truncate catalog_services, catalog_allowed_principals");
        }
    }

    public Optional<EndpointServiceOffer> findByName(Connection c, String serviceName) throws SQLException {
        return offers(c, "where s.service_name = ?", serviceName).stream().findFirst();
    }

    public List<EndpointServiceOffer> all(Connection c) throws SQLException {
        return offers(c, "");
    }

    private List<EndpointServiceOffer> offers(Connection c, String where, Object... params) throws SQLException {
        String sql = "select s.service_id, s.service_name, s.owner_id, s.service_state, s.acceptance_required, "
                + "p.principal from catalog_services s left join catalog_allowed_principals p using (service_id) "
                + where + " order by s.service_name, p.principal";
        Map<String, List<String>> principals = new LinkedHashMap<>();
        Map<String, EndpointServiceOffer> services = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    services.putIfAbsent(id, new EndpointServiceOffer(id, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), List.of()));
                    List<String> allowed = principals.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString(6) != null) {
                        allowed.add(rs.getString(6));
                    }
                }
            }
        }
        return services.values().stream().map(s -> new EndpointServiceOffer(s.serviceId(), s.serviceName(),
                s.ownerId(), s.serviceState(), s.acceptanceRequired(), principals.get(s.serviceId()))).toList();
    }

    private static void setState(Connection c, String serviceId, String state) throws SQLException {
        Sql.update(c, "update catalog_services set service_state = ? where service_id = ?", state, serviceId);
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }
}
