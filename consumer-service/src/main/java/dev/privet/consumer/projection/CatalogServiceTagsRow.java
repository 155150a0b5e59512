package dev.privet.consumer.projection;

import dev.privet.contracts.events.Values.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tags of a provider's service, as {@link ServiceCatalog} learnt them. A row of its own, not a column of
 * {@link CatalogServiceRow}: the tags are a stream of their own on the provider's topic, which may be read before
 * the service's creation.
 */
@Entity
@Table(name = "catalog_service_tags")
public class CatalogServiceTagsRow extends PanacheEntityBase {
    @Id
    @Column(name = "service_id")
    public String serviceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tags", nullable = false)
    public List<Tag> tags = new ArrayList<>();

    /** Records {@code tags} as the service's whole set. */
    static void hold(String serviceId, List<Tag> tags) {
        CatalogServiceTagsRow row = CatalogServiceTagsRow.<CatalogServiceTagsRow>findByIdOptional(serviceId)
                .orElseGet(CatalogServiceTagsRow::new);
        row.serviceId = serviceId;
        row.tags = new ArrayList<>(tags);
        row.persist();
    }

    /** The tags of each of {@code serviceIds} that has some. */
    public static Map<String, List<Tag>> of(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        return CatalogServiceTagsRow.<CatalogServiceTagsRow>list("serviceId in ?1", serviceIds).stream()
                .collect(Collectors.toMap(row -> row.serviceId, row -> List.copyOf(row.tags)));
    }
}
