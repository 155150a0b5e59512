package dev.privet.network.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.network.domain.Vpc.Command.ModifyAttributes;

import java.util.List;

/**
 * A change of a VPC's attributes: any of {@code enableDnsSupport}, {@code enableDnsHostnames} and
 * {@code enableNetworkAddressUsageMetrics}, each true or false. Read from the JSON body field by field, so that a
 * misspelt field is refused rather than ignored (a change that was ignored would read as made).
 */
final class VpcAttributesChange {
    static final String ENABLE_DNS_SUPPORT = "enableDnsSupport";
    static final String ENABLE_DNS_HOSTNAMES = "enableDnsHostnames";
    static final String ENABLE_NETWORK_ADDRESS_USAGE_METRICS = "enableNetworkAddressUsageMetrics";
    private static final List<String> FIELDS = List.of(ENABLE_DNS_SUPPORT, ENABLE_DNS_HOSTNAMES,
            ENABLE_NETWORK_ADDRESS_USAGE_METRICS);

    private VpcAttributesChange() {
    }

    /** The command {@code body} asks for; throws naming the first field at fault. */
    static ModifyAttributes of(AccountId caller, String vpcId, JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw Rejection.invalid(ErrorCode.MISSING_PARAMETER, ENABLE_DNS_SUPPORT, "name at least one of "
                    + String.join(", ", FIELDS));
        }
        for (var fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                throw Rejection.invalidValue(field, field + " is not an attribute of a VPC; they are "
                        + String.join(", ", FIELDS));
            }
            if (!body.get(field).isBoolean()) {
                throw Rejection.invalidValue(field, field + " must be true or false");
            }
        }
        return new ModifyAttributes(vpcId, caller.value(), flag(body, ENABLE_DNS_SUPPORT),
                flag(body, ENABLE_DNS_HOSTNAMES), flag(body, ENABLE_NETWORK_ADDRESS_USAGE_METRICS));
    }

    private static Boolean flag(JsonNode body, String field) {
        return body.has(field) ? body.get(field).booleanValue() : null;
    }
}
