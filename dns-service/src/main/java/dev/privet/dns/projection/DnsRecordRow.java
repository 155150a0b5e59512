package dev.privet.dns.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One value of a record set, as the DNS server answers it: names lower case, without the final dot. A value belongs
 * to the endpoint whose publication wrote it last.
 */
@Entity
@Table(name = "dns_records")
@IdClass(DnsRecordRow.Key.class)
public class DnsRecordRow extends PanacheEntityBase {
    static final String ADDRESS = "A";

    @Id
    @Column(name = "name")
    public String name;

    @Id
    @Column(name = "type")
    public String type;

    @Id
    @Column(name = "value")
    public String value;

    @Column(name = "vpc_endpoint_id", nullable = false)
    public String vpcEndpointId;

    /** The endpoint's values, by name, type and value. */
    static List<DnsRecordRow> ofEndpoint(String vpcEndpointId) {
        return find("vpcEndpointId", Sort.by("name", "type", "value"), vpcEndpointId).list();
    }

    /** The values of any of {@code names}, of every type. */
    static List<DnsRecordRow> namedAny(List<String> names) {
        return list("name in ?1", names);
    }

    /** A new value, not yet persisted. */
    static DnsRecordRow of(Key key) {
        DnsRecordRow row = new DnsRecordRow();
        row.name = key.name;
        row.type = key.type;
        row.value = key.value;
        return row;
    }

    Key key() {
        return new Key(name, type, value);
    }

    /** The values of every type of one name, by type and value. */
    static List<DnsRecordRow> named(String name) {
        return find("name", Sort.by("type", "value"), name).list();
    }

    /** A value's identity: the name, the type and the value itself. */
    public static final class Key implements Serializable {
        public String name;
        public String type;
        public String value;

        public Key() {
        }

        Key(String name, String type, String value) {
            this.name = name;
            this.type = type;
            this.value = value;
        }

        String name() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && name.equals(k.name) && type.equals(k.type) && value.equals(k.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, type, value);
        }
    }
}
