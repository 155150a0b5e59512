package dev.privet.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One in-JVM KRaft node acting as both broker and controller, built with Kafka's own
 * {@link KafkaClusterTestKit}. Its data lives in a temporary folder deleted on close.
 */
final class KraftNode implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KraftNode(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static KraftNode start() {
        QuietLogging.quiet("kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper");
        keepTheJvmAlive();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KraftNode(cluster);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster, e);
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    /**
     * A broker that meets a fatal error (a log directory gone while the JVM shuts down, say) calls {@link Exit#halt},
     * which would end the test JVM with status 1 after every test passed, and Surefire would fail the build with
     * "Error occurred in starting fork". In a test JVM the broker reports instead.
     */
    private static void keepTheJvmAlive() {
        Exit.Procedure report = (status, message) -> System.err.println(
                "in-JVM Kafka broker asked to stop the JVM with status " + status + ": " + message);
        Exit.setHaltProcedure(report);
        Exit.setExitProcedure(report);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
