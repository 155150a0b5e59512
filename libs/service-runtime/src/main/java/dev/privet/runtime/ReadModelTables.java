package dev.privet.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The one piece of plain SQL a read model keeps: emptying its tables before a rebuild replays into them. */
public final class ReadModelTables {
    private ReadModelTables() {
    }

    /**
     * Deletes every row of {@code tables}, in the order given (children before parents), on the rebuild's connection.
     * Delete, not truncate: a truncate holds an exclusive lock until the rebuild commits, so every read of the model
     * would wait for it; with deletes, readers see the old rows until then.
     */
    public static void empty(Connection c, String... tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                st.execute("delete from " + table);
            }
        }
    }
}
