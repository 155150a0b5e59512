package dev.privet.consumer.domain;

import java.util.List;

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
}
