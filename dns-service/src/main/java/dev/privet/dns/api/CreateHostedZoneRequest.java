package dev.privet.dns.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.dns.domain.DnsName;

/** The body of CreateHostedZone: the zone's name, the caller's unique reference for this create, a comment. */
public record CreateHostedZoneRequest(String name, String callerReference, String comment) {
    /** Route 53's limits. */
    static final int MAX_CALLER_REFERENCE = 128;
    static final int MAX_COMMENT = 256;

    /** The zone's name, lower case with the final dot; throws naming the first field at fault. */
    String validatedName() {
        if (name == null || name.isBlank()) {
            throw Rejection.missing("name");
        }
        if (callerReference == null || callerReference.isEmpty()) {
            throw Rejection.missing("callerReference");
        }
        if (callerReference.length() > MAX_CALLER_REFERENCE) {
            throw Rejection.invalidValue("callerReference", "at most " + MAX_CALLER_REFERENCE + " characters, got "
                    + callerReference.length());
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Rejection.invalidValue("comment", "at most " + MAX_COMMENT + " characters, got " + comment.length());
        }
        return DnsName.normalized(name)
                .orElseThrow(() -> Rejection.invalid(ErrorCode.INVALID_DOMAIN_NAME, "name", "not a domain name of "
                        + "labels of 1 to 63 letters, digits, hyphens or underscores, at most " + DnsName.MAX_LENGTH
                        + " characters"));
    }
}
