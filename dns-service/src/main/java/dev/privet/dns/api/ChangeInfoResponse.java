package dev.privet.dns.api;

/**
 * What ChangeResourceRecordSets answers. The status is always {@code INSYNC}: the answer comes once the change is
 * published, and the relay publishes it only once the DNS server serves it.
 */
public record ChangeInfoResponse(ChangeInfo changeInfo) {
    static final String INSYNC = "INSYNC";

    public record ChangeInfo(String id, String status, String submittedAt) {
    }
}
