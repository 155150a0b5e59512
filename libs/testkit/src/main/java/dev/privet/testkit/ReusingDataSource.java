package dev.privet.testkit;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The smallest real connection pool: {@code close()} on a connection hands its open PostgreSQL session back for the
 * next caller, as Agroal does in the services, so whatever the session holds (a session advisory lock) outlives the
 * close, and no caller pays for a connection start (benchmarks measure without it). It opens a session only when
 * none is idle (no limits, no validation) and counts what was borrowed and not given back; {@link #close()} really
 * closes the idle sessions.
 */
public final class ReusingDataSource implements DataSource, AutoCloseable {
    private final DataSource physical;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final AtomicInteger borrowed = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();

    public ReusingDataSource(DataSource physical) {
        this.physical = physical;
    }

    /** A pool of sessions of {@code database}. */
    public static ReusingDataSource of(Database database) {
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setUrl(database.jdbcUrl());
        target.setUser(database.username());
        target.setPassword(database.password());
        return new ReusingDataSource(target);
    }

    /** How many connections were handed out. */
    public int borrowed() {
        return borrowed.get();
    }

    /** How many connections were handed out and not closed. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Really closes the idle sessions. */
    @Override
    public synchronized void close() {
        for (Connection c : idle) {
            try {
                c.close();
            } catch (SQLException e) {
                // the session is going away either way
            }
        }
        idle.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection session;
        synchronized (this) {
            session = idle.poll();
        }
        if (session == null) {
            session = physical.getConnection();
        }
        borrowed.incrementAndGet();
        outstanding.incrementAndGet();
        Connection real = session;
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                outstanding.decrementAndGet();
                                if (!real.getAutoCommit()) {
                                    real.rollback();
                                    real.setAutoCommit(true);
                                }
                                synchronized (ReusingDataSource.this) {
                                    idle.push(real);
                                }
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || real.isClosed();
                        }
                        default -> {
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
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
