package dev.privet.provider.projection;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the endpoint-services read model ({@link EndpointServicesProjection}), as rows the API turns into answers.
 * The model is written with the events, so these reads never wait: a committed write is already in it.
 */
@ApplicationScoped
public class EndpointServiceQueries {
    private static final String SERVICE_COLUMNS = "service_id, service_name, owner_id, service_state, failure_reason, "
            + "acceptance_required, network_load_balancer_arns";

    /** A service as the read model holds it. */
    public record ServiceRow(String serviceId, String serviceName, String ownerId, String serviceState,
                             String failureReason, boolean acceptanceRequired, List<String> networkLoadBalancerArns) {
    }

    /** An endpoint's connection to a service. */
    public record ConnectionRow(String vpcEndpointId, String vpcEndpointOwner, String vpcEndpointState) {
    }

    public Optional<ServiceRow> find(Connection c, String serviceId) throws SQLException {
        return services(c, "where service_id = ?", serviceId).stream().findFirst();
    }

    public List<ServiceRow> ownedBy(Connection c, String ownerId) throws SQLException {
        return services(c, "where owner_id = ? order by service_id", ownerId);
    }

    public List<String> allowedPrincipals(Connection c, String serviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select principal from allowed_principals where service_id = ? order by principal")) {
            st.setString(1, serviceId);
            List<String> principals = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    principals.add(rs.getString(1));
                }
            }
            return principals;
        }
    }

    public List<ConnectionRow> connections(Connection c, String serviceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select vpc_endpoint_id, vpc_endpoint_owner, vpc_endpoint_state from endpoint_connections
                where service_id = ? order by vpc_endpoint_id""")) {
            st.setString(1, serviceId);
            List<ConnectionRow> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ConnectionRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }
    }

    private List<ServiceRow> services(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + SERVICE_COLUMNS + " from endpoint_services " + where)) {
            st.setString(1, value);
            List<ServiceRow> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Array arns = rs.getArray(7);
                    rows.add(new ServiceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), Arrays.asList((String[]) arns.getArray())));
                }
            }
            return rows;
        }
    }
}
