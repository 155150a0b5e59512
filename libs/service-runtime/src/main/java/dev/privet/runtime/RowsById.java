package dev.privet.runtime;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Read-model rows by their primary keys, in one statement. Not a Panache {@code "id in ?1"} query: Hibernate does
 * not cache the plan of a query with a list parameter, so it translates that query again on every call (a tenth of
 * consumer-service's create, in a profile); its multi-id load is one prepared statement with an array parameter.
 */
public final class RowsById {
    private RowsById() {
    }

    /** The rows of {@code type} whose keys are among {@code ids}, each once; those that do not exist are left out. */
    public static <T> List<T> find(Class<T> type, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Panache.getEntityManager().unwrap(Session.class).findMultiple(type, ids.stream().distinct().toList())
                .stream().filter(Objects::nonNull).toList();
    }
}
