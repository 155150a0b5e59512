package dev.privet.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Asks the broker whether it serves requests (a metadata request that lists its node), with one admin client kept for
 * as long as the broker's process object lives. Why not a TCP connect: the broker binds its listener before it can
 * answer, so only a request says it is ready. Why one client: the supervisor asks every 250 ms after a restart.
 */
final class BrokerProbe implements AutoCloseable {

    private final String bootstrapServers;
    private Admin admin; // guarded by this

    BrokerProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Whether the broker answered within {@code timeout}. */
    boolean answers(Duration timeout) {
        try {
            return !admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.<String, Object>of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                    AdminClientConfig.CLIENT_ID_CONFIG, "privet-local-cluster-readiness"));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
