package dev.privet.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the level of chatty logging categories (the in-JVM broker, embedded PostgreSQL,
 * Testcontainers) to WARNING, or silences them.
 *
 * <p>On this classpath SLF4J writes to the JBoss LogManager (slf4j-jboss-logmanager), so the level is
 * set on the JBoss log context, which is also the java.util.logging one when the JBoss LogManager is
 * the JVM's JUL manager (as in Quarkus tests). Without the JBoss LogManager, it is set through
 * java.util.logging. This class never initialises JUL itself while the JBoss LogManager is present:
 * doing so before the JBoss LogManager is chosen makes it print an error.
 */
final class QuietLogging {

    /** Loggers may be held weakly by their manager: holding them keeps the level set here. */
    private static final List<Object> HELD = new CopyOnWriteArrayList<>();

    private QuietLogging() {
    }

    static void quiet(String... categories) {
        setLevel(Level.WARNING, categories);
    }

    static void setLevel(Level level, String... categories) {
        boolean jboss = jbossPresent();
        for (String category : categories) {
            if (jboss) {
                org.jboss.logmanager.Logger logger = org.jboss.logmanager.LogContext.getLogContext().getLogger(category);
                logger.setLevel(level);
                HELD.add(logger);
            } else {
                Logger logger = Logger.getLogger(category);
                logger.setLevel(level);
                HELD.add(logger);
            }
        }
    }

    private static boolean jbossPresent() {
        try {
            Class.forName("org.jboss.logmanager.LogContext", false, QuietLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
