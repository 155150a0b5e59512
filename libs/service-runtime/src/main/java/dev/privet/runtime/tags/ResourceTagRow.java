package dev.privet.runtime.tags;

import dev.privet.contracts.events.TagsChanged;
import dev.privet.contracts.events.Values.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tags of one resource in the read model (table {@code resource_tags}, in each service that owns taggable
 * resources), written by that service's own inline projection in the transaction that appends the change.
 */
@Entity
@Table(name = "resource_tags")
public class ResourceTagRow extends PanacheEntityBase {
    @Id
    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tags", nullable = false)
    public List<Tag> tags = new ArrayList<>();

    /**
     * Records a change: the resource's whole set replaces what the row had. A row whose last tag went stays, empty,
     * and reads as no tags; the resource's deletion removes it.
     */
    public static void apply(TagsChanged changed) {
        ResourceTagRow row = ResourceTagRow.<ResourceTagRow>findByIdOptional(changed.resourceId()).orElse(null);
        if (row == null) {
            row = new ResourceTagRow();
            row.resourceId = changed.resourceId();
            row.ownerId = changed.ownerId();
            row.tags = new ArrayList<>(changed.tags());
            row.persist();
        } else {
            row.tags = new ArrayList<>(changed.tags());
        }
    }

    /** The tags of each of {@code resourceIds} that has some. */
    public static Map<String, List<Tag>> of(Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Map.of();
        }
        return ResourceTagRow.<ResourceTagRow>list("resourceId in ?1", resourceIds).stream()
                .collect(Collectors.toMap(row -> row.resourceId, row -> List.copyOf(row.tags)));
    }

    /** The tags of one resource; empty when it has none. */
    public static List<Tag> of(String resourceId) {
        return ResourceTagRow.<ResourceTagRow>findByIdOptional(resourceId).map(row -> List.copyOf(row.tags))
                .orElse(List.of());
    }

    /**
     * The DTOs of {@code rows}, each with its resource's tags ({@code id} names the resource of a row): one query
     * for the tags of a whole list.
     */
    public static <R, D> List<D> withTags(List<R> rows, Function<R, String> id, BiFunction<R, List<Tag>, D> dto) {
        Map<String, List<Tag>> tags = of(rows.stream().map(id).toList());
        return rows.stream().map(row -> dto.apply(row, tags.getOrDefault(id.apply(row), List.of()))).toList();
    }

    /** Every resource of {@code ownerId} that has tags, by id. */
    public static List<ResourceTagRow> ownedBy(String ownerId) {
        return ResourceTagRow.<ResourceTagRow>find("ownerId", Sort.by("resourceId"), ownerId).stream()
                .filter(row -> !row.tags.isEmpty()).toList();
    }
}
