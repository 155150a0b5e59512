package dev.privet.provider.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;

import java.util.List;

/**
 * The body of an acceptance or a rejection: the endpoints it is about and, for a rejection only, a reason the
 * endpoints' owners are shown (Privet's addition; AWS's RejectVpcEndpointConnections has none).
 */
public record ConnectionsRequest(List<String> vpcEndpointIds, String reason) {
    static final String IDS = "vpcEndpointIds";
    static final String REASON = "reason";
    static final int MAX_ENDPOINTS = 100;
    static final int MAX_REASON_LENGTH = 255;

    /** {@code body} checked (no body is no ids), with a reason only where one is allowed; throws naming the field. */
    static ConnectionsRequest checked(ConnectionsRequest body, boolean reasonAllowed) {
        ConnectionsRequest request = body == null ? new ConnectionsRequest(null, null) : body;
        request.validate(reasonAllowed);
        return request;
    }

    private void validate(boolean reasonAllowed) {
        if (vpcEndpointIds == null || vpcEndpointIds.isEmpty()) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, IDS, "name at least one endpoint in " + IDS);
        }
        RequestLimits.atMost(IDS, vpcEndpointIds, MAX_ENDPOINTS, "endpoints");
        for (int i = 0; i < vpcEndpointIds.size(); i++) {
            String id = vpcEndpointIds.get(i);
            if (id == null || !IdFormat.VPC_ENDPOINT.matches(id)) {
                throw Rejection.invalid(ErrorCode.INVALID_VPC_ENDPOINT_ID_MALFORMED, IDS + "[" + i + "]",
                        "not a VPC endpoint id (vpce- and 17 hex digits)");
            }
        }
        if (reason == null) {
            return;
        }
        if (!reasonAllowed) {
            throw Rejection.invalidValue(REASON, "only a rejection carries a reason");
        }
        RequestLimits.length(REASON, reason, MAX_REASON_LENGTH);
        if (reason.isBlank() || reason.chars().anyMatch(Character::isISOControl)) {
            throw Rejection.invalidValue(REASON, "a reason is printable text, not blank");
        }
    }
}
