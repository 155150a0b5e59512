package dev.privet.dns.projection;

import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.dns.domain.DnsName;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** One record set of a hosted zone, its SOA and NS included, in Route 53's listing order ({@link #sortName}). */
@Entity
@Table(name = "hosted_zone_record_sets")
public class RecordSetRow extends PanacheEntityBase {
    /** The zone's id, the name and the type: one set per name and type in a zone. */
    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "hosted_zone_id", nullable = false)
    public String hostedZoneId;

    /** Lower case, with the final dot. */
    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "type", nullable = false)
    public String type;

    /** {@link DnsName#reversed}: the order the sets are listed in. */
    @Column(name = "sort_name", nullable = false)
    public String sortName;

    @Column(name = "ttl", nullable = false)
    public long ttl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "record_values", nullable = false)
    public List<String> values = new ArrayList<>();

    static RecordSetRow of(String hostedZoneId, RecordSet set) {
        RecordSetRow row = new RecordSetRow();
        row.id = idOf(hostedZoneId, set.name(), set.type());
        row.hostedZoneId = hostedZoneId;
        row.name = set.name();
        row.type = set.type();
        row.sortName = DnsName.reversed(set.name());
        row.ttl = set.ttl();
        row.values = new ArrayList<>(set.values());
        return row;
    }

    static String idOf(String hostedZoneId, String name, String type) {
        return hostedZoneId + " " + name + " " + type;
    }

    /**
     * Up to {@code limit} sets of the zone from the name and type given on (the first of the zone when the name is
     * null; from the name's first type when the type is null), in listing order.
     */
    public static List<RecordSetRow> page(String hostedZoneId, String fromName, String fromType, int limit) {
        if (fromName == null) {
            return find("hostedZoneId = ?1 order by sortName, type", hostedZoneId).page(0, limit).list();
        }
        return find("hostedZoneId = ?1 and (sortName > ?2 or (sortName = ?2 and type >= ?3)) order by sortName, type",
                hostedZoneId, DnsName.reversed(fromName), fromType == null ? "" : fromType).page(0, limit).list();
    }

    public RecordSet recordSet() {
        return new RecordSet(name, type, ttl, values);
    }
}
