package dev.privet.dns.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A hosted zone that is not deleted, as the API shows it. */
@Entity
@Table(name = "hosted_zones")
public class HostedZoneRow extends PanacheEntityBase {
    @Id
    @Column(name = "hosted_zone_id")
    public String hostedZoneId;

    @Column(name = "account", nullable = false)
    public String account;

    /** Lower case, with the final dot. */
    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "caller_reference", nullable = false)
    public String callerReference;

    @Column(name = "comment")
    public String comment;

    /** Its SOA and NS included, as Route 53 counts. */
    @Column(name = "record_set_count", nullable = false)
    public int recordSetCount;

    /** The account's zone of that id; another account's is none. */
    public static Optional<HostedZoneRow> owned(String account, String hostedZoneId) {
        return HostedZoneRow.<HostedZoneRow>findByIdOptional(hostedZoneId).filter(z -> z.account.equals(account));
    }

    /** The account's zones, by name. */
    public static List<HostedZoneRow> ownedBy(String account) {
        return list("account = ?1 order by name", account);
    }

    /** The names of every account's zones: the zones served, since a deleted zone's row goes. */
    public static List<String> servedNames() {
        return HostedZoneRow.<HostedZoneRow>listAll().stream().map(zone -> zone.name).toList();
    }
}
