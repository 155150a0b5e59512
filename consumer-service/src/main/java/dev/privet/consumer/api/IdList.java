package dev.privet.consumer.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A list of ids of one kind in a request: at most 16 (AWS: one subnet per availability zone; 5 security groups per
 * interface by default, 16 at most; Privet holds route tables to the same bound), each well-formed and named once, the field at fault named ({@code subnetIds[1]}).
 */
enum IdList {
    SUBNETS("subnet id", IdFormat.SUBNET::matches, ErrorCode.INVALID_PARAMETER_VALUE),
    SECURITY_GROUPS("security group id", Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})").asMatchPredicate(),
            ErrorCode.INVALID_GROUP_ID_MALFORMED),
    ROUTE_TABLES("route table id", IdFormat.ROUTE_TABLE::matches, ErrorCode.INVALID_ROUTE_TABLE_ID_MALFORMED);

    static final int MAX_IDS = 16;

    private final String kind;
    private final Predicate<String> wellFormed;
    private final ErrorCode malformed;

    IdList(String kind, Predicate<String> wellFormed, ErrorCode malformed) {
        this.kind = kind;
        this.wellFormed = wellFormed;
        this.malformed = malformed;
    }

    /** The ids of {@code field}, none when it is absent. */
    List<String> checked(String field, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_IDS) {
            throw CreateVpcEndpointRequest.tooMany(field, ids.size(), MAX_IDS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String at = field + "[" + i + "]";
            if (id == null || id.length() > CreateVpcEndpointRequest.MAX_ID || !wellFormed.test(id)) {
                throw Rejection.invalid(malformed, at, "Invalid " + kind + ": " + CreateVpcEndpointRequest.shown(id));
            }
            if (!seen.add(id)) {
                throw Rejection.invalidValue(at, kind + " " + id + " is named twice");
            }
        }
        return ids;
    }
}
