package dev.privet.network.domain;

import dev.privet.contracts.ids.DerivedId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region's managed prefix lists, one per AWS service a Gateway endpoint reaches ({@code s3}, {@code dynamodb}).
 * They are configuration, not events: each one's id is derived from its name, so it is the same at every call, after
 * every restart and on every instance, and its ranges are what the operator says the service's addresses are.
 */
public final class PrefixLists {
    private final List<ManagedPrefixList> lists;

    /** {@code cidrsByService}: each Gateway service's ranges, by its short name ({@code s3}). */
    public PrefixLists(Region region, Map<String, List<String>> cidrsByService) {
        this.lists = cidrsByService.entrySet().stream()
                .map(e -> {
                    String name = "com.amazonaws." + region.name() + "." + e.getKey();
                    return new ManagedPrefixList(DerivedId.of(IdFormat.PREFIX_LIST.prefix(), name), name,
                            e.getValue());
                })
                .sorted(Comparator.comparing(ManagedPrefixList::prefixListName)).toList();
    }

    /** Every one, by name. */
    public List<ManagedPrefixList> all() {
        return lists;
    }

    /** The list of the service named {@code serviceName} ({@code com.amazonaws.<region>.s3}), if it has one. */
    public Optional<ManagedPrefixList> ofService(String serviceName) {
        return lists.stream().filter(list -> list.prefixListName().equals(serviceName)).findFirst();
    }

    /** The list of that id. */
    public Optional<ManagedPrefixList> withId(String prefixListId) {
        return lists.stream().filter(list -> list.prefixListId().equals(prefixListId)).findFirst();
    }
}
