package dev.privet.benchmarks;

import dev.privet.testkit.Database;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * The least a connection pool does: {@code close()} hands the physical connection back for the next
 * {@code getConnection()}, so no measured operation pays for a PostgreSQL connection start (the services reuse
 * connections through Agroal). Opens a new physical connection only when none is idle; no limits, no validation.
 * {@link #close()} closes every physical connection it opened.
 */
final class ReusingDataSource implements DataSource, AutoCloseable {
    private final PGSimpleDataSource target = new PGSimpleDataSource();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> opened = new ArrayList<>();

    ReusingDataSource(Database database) {
        target.setUrl(database.jdbcUrl());
        target.setUser(database.username());
        target.setPassword(database.password());
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection physical = idle.pollFirst();
        if (physical == null) {
            physical = target.getConnection();
            opened.add(physical);
        }
        return lease(physical);
    }

    private Connection lease(Connection physical) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!returned[0]) {
                                returned[0] = true;
                                if (!physical.getAutoCommit()) {
                                    physical.rollback();
                                    physical.setAutoCommit(true);
                                }
                                release(physical);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned[0] || physical.isClosed();
                        }
                        case "unwrap", "isWrapperFor", "equals", "hashCode", "toString" -> {
                            // fall through to the physical connection below
                        }
                        default -> {
                            if (returned[0]) {
                                throw new SQLException("connection already returned to the pool");
                            }
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private synchronized void release(Connection physical) {
        idle.addFirst(physical);
    }

    @Override
    public synchronized void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the server may already be gone
            }
        }
        opened.clear();
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException("one user per data source");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
