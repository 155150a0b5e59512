package dev.privet.consumer.domain;

import dev.privet.contracts.errors.Rejection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What to add to a list of ids and what to take out of it, as a modify request names them. */
public record Changes(List<String> add, List<String> remove) {
    public static final Changes NONE = new Changes(List.of(), List.of());

    public Changes {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }

    /**
     * {@code current} after this change, the added ids last: each removed id must be in {@code current}, each added
     * one not (nor removed in the same change). A refusal names the field at fault, {@code remove<Field>[i]} or
     * {@code add<Field>[i]}, and what the ids are ({@code noun}: "subnet") of {@code endpointId}.
     */
    List<String> appliedTo(List<String> current, String field, String noun, String endpointId) {
        Set<String> result = new LinkedHashSet<>(current);
        for (int i = 0; i < remove.size(); i++) {
            String id = remove.get(i);
            if (!result.remove(id)) {
                throw Rejection.invalidValue("remove" + field + "[" + i + "]",
                        "The " + noun + " '" + id + "' is not a " + noun + " of " + endpointId);
            }
        }
        for (int i = 0; i < add.size(); i++) {
            String id = add.get(i);
            if (current.contains(id)) {
                throw Rejection.invalidValue("add" + field + "[" + i + "]", remove.contains(id)
                        ? "The " + noun + " '" + id + "' is both added and removed"
                        : "The " + noun + " '" + id + "' is a " + noun + " of " + endpointId + " already");
            }
            result.add(id);
        }
        return List.copyOf(result);
    }
}
