package dev.privet.benchmarks;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.EventTopics;
import dev.privet.eventstore.OutboxRelay;
import dev.privet.eventstore.Transactions;
import dev.privet.testkit.Database;
import dev.privet.testkit.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two checks of the outbox relay's fetch, found while benchmarking it (see docs/benchmarks.md):
 * <ol>
 *   <li>with the real {@link OutboxRelay} (batch 10) and the real broker: 30 events committed one per transaction
 *       across a power of ten of the transaction ids (999 to 1000 on a fresh server), and how many get published;</li>
 *   <li>the time of one fetch of 500 from position zero as the backlog grows, with the relay's query as written and
 *       with its ORDER BY naming the table's column ({@code events.transaction_id}).</li>
 * </ol>
 * Run: {@code java -cp benchmarks/target/privet-benchmarks-0.1.0-SNAPSHOT.jar dev.privet.benchmarks.RelayFetchProbe}.
 */
public final class RelayFetchProbe {
    /** OutboxRelay's FETCH, copied (it is private there): keep in step with libs/eventstore. */
    private static final String AS_WRITTEN = "select global_position, event_id, stream_id, stream_type, version, "
            + "event_type, schema_version, occurred_at, correlation_id, causation_id, principal, payload::text, "
            + "transaction_id::text from events "
            + "where (transaction_id, global_position) > (?::xid8, ?) "
            + "and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) "
            + "order by transaction_id, global_position limit 500";
    private static final String COLUMN_ORDER = AS_WRITTEN.replace("order by transaction_id", "order by events.transaction_id");

    private RelayFetchProbe() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        Database db = TestInfrastructure.postgres().createDatabase("relay_probe");
        try (ReusingDataSource ds = new ReusingDataSource(db);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Flyway.configure().dataSource(ds).locations("classpath:db/eventstore").load().migrate();
            acrossAPowerOfTen(ds, admin, bootstrap);
            fetchCost(ds);
        }
        System.exit(0);
    }

    private static void acrossAPowerOfTen(ReusingDataSource ds, Admin admin, String bootstrap) throws Exception {
        long xid = currentXid(ds);
        long boundary = 10;
        while (boundary <= xid + 20) {
            boundary *= 10;
        }
        if (boundary - xid > 200_000) {
            System.out.printf("1. skipped: transaction id %,d is %,d short of %,d%n", xid, boundary - xid, boundary);
            return;
        }
        while (xid < boundary - 15) {
            xid = currentXid(ds); // each autocommit call takes a new transaction id
        }
        Transactions tx = new Transactions(ds);
        EventStore store = new EventStore(new EventCodec());
        for (int i = 1; i <= 30; i++) {
            String id = String.format("vpce-%017x", i);
            tx.inTransaction(c -> store.append(c, 0, EventMetadata.forRequest("111122223333"),
                    List.of(new VpcEndpointAccepted(id))));
        }
        String topic = "probe.relay." + UUID.randomUUID();
        EventTopics.ensure(admin, List.of(topic), 1, (short) 1);
        long published;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap));
             OutboxRelay relay = new OutboxRelay("probe", topic, ds, producer, 10, Duration.ofMillis(50))) {
            relay.start();
            Thread.sleep(3_000);
            published = relay.published();
        }
        long onTopic = admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all().get()
                .values().iterator().next().offset();
        System.out.printf("1. 30 events in transactions %,d..%,d, relay batch 10: published() = %d, topic holds %d "
                + "records (30 expected)%n", boundary - 14, boundary + 15, published, onTopic);
    }

    private static void fetchCost(ReusingDataSource ds) throws SQLException {
        System.out.println("2. one fetch of 500 from position zero, best of 5:");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            int rows = count(st);
            for (int target : new int[]{20_000, 100_000, 500_000}) {
                while (rows < target) { // 100 events per transaction, as the batched appends write them
                    int n = Math.min(100, target - rows);
                    st.execute("insert into events (event_id, stream_id, stream_type, version, event_type, "
                            + "schema_version, payload, occurred_at, principal) select gen_random_uuid(), 'bulk-' || ("
                            + rows + " + i), 'vpc-endpoint', 1, 'VpcEndpointAccepted', 1, "
                            + "'{\"vpcEndpointId\":\"vpce-00000000000000001\"}', now(), '111122223333' "
                            + "from generate_series(0, " + (n - 1) + ") i");
                    rows += n;
                }
                st.execute("analyze events");
                System.out.printf("   %,9d events: as written %7.1f ms (%s); ordered by events.transaction_id "
                                + "%5.1f ms (%s)%n", rows, best(c, AS_WRITTEN), plan(st, AS_WRITTEN),
                        best(c, COLUMN_ORDER), plan(st, COLUMN_ORDER));
            }
        }
    }

    private static double best(Connection c, String query) throws SQLException {
        long best = Long.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int k = 0; k < 5; k++) {
                ps.setString(1, "0");
                ps.setLong(2, 0);
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(12);
                    }
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best / 1e6;
    }

    /** The plan's nodes below the Limit, shortly: "Sort <- Seq Scan", "Index Scan". */
    private static String plan(Statement st, String query) throws SQLException {
        StringBuilder nodes = new StringBuilder();
        try (ResultSet rs = st.executeQuery("explain " + query.replace("?::xid8, ?", "'0'::xid8, 0"))) {
            while (rs.next()) {
                String line = rs.getString(1).replaceFirst("^[\\s\\->]*", "");
                if (line.startsWith("Limit") || !Character.isUpperCase(line.charAt(0)) || line.contains(":")) {
                    continue;
                }
                String node = line.replaceAll("\\s*\\(cost=.*", "").replaceAll(" on events.*", "")
                        .replaceAll(" using (\\w+)", " $1");
                nodes.append(nodes.isEmpty() ? "" : " <- ").append(node);
            }
        }
        return nodes.toString();
    }

    private static int count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long currentXid(ReusingDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_current_xact_id()::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
