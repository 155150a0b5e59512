package dev.privet.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/** A read model fed by events. It can be dropped and rebuilt from the log, and comes out the same. */
public interface Projection extends EventConsumer {

    /** Empties the read model's tables, before a rebuild replays its topics from the start. */
    void reset(Connection connection) throws SQLException;
}
