package dev.privet.dns.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** The caller reference a hosted zone was created with; kept after the zone is deleted, so it stays taken. */
@Entity
@Table(name = "hosted_zone_references")
public class HostedZoneReferenceRow extends PanacheEntityBase {
    @Id
    @Column(name = "hosted_zone_id")
    public String hostedZoneId;

    @Column(name = "account", nullable = false)
    public String account;

    @Column(name = "caller_reference", nullable = false)
    public String callerReference;

    /** The zone the account created with that reference, deleted or not. */
    public static Optional<String> zoneOf(String account, String callerReference) {
        return HostedZoneReferenceRow.<HostedZoneReferenceRow>find("account = ?1 and callerReference = ?2", account,
                callerReference).firstResultOptional().map(r -> r.hostedZoneId);
    }
}
