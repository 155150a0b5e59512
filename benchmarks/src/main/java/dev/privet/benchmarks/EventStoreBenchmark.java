package dev.privet.benchmarks;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.EventRecords;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.EventTopics;
import dev.privet.eventstore.OutboxRelay;
import dev.privet.eventstore.Transactions;
import dev.privet.testkit.Database;
import dev.privet.testkit.KafkaBroker;
import dev.privet.testkit.Postgres;
import dev.privet.testkit.ReusingDataSource;
import dev.privet.testkit.TestInfrastructure;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Throughput of the event store beside its peers on the same machine, each measured over a fixed number of events,
 * repeated, reported as median, min and max:
 * <ol>
 *   <li>single-writer appends: one thread, one event per transaction, streams 1..S round robin;</li>
 *   <li>batched appends: one thread, B events per transaction as B/E appends of E events, one stream each;</li>
 *   <li>the outbox relay: the store pre-filled, time from start until {@link OutboxRelay#published()} reaches N;</li>
 *   <li>peers: raw JDBC inserts of the same rows into a plain table (autocommit, and B per transaction), and a raw
 *       {@link KafkaProducer} with the relay's producer settings sending the same records, flushing every R.</li>
 * </ol>
 * Usage: {@code java -jar privet-benchmarks.jar [events] [runs] [--warmup=N] [--streams=S] [--batch=B]
 * [--events-per-append=E] [--relay-batch=R] [--partitions=P]}. See docs/benchmarks.md.
 */
public final class EventStoreBenchmark {

    enum Scenario {
        RAW_AUTOCOMMIT("4a peer: JDBC insert, autocommit (1 row/tx)", "tx"),
        SINGLE("1  append, 1 event/tx", "tx"),
        RAW_BATCH("4a peer: JDBC batch insert, %d rows/tx", "tx"),
        BATCHED("2  append, %d events/tx (%d appends x %d)", "tx"),
        KAFKA_RAW("4b peer: KafkaProducer, flush every %d", "flush"),
        RELAY("3  outbox relay, batch %d", null);

        final String label;
        final String latencyUnit;

        Scenario(String label, String latencyUnit) {
            this.label = label;
            this.latencyUnit = latencyUnit;
        }
    }

    record Config(int events, int runs, int warmup, int streams, int batch, int eventsPerAppend, int relayBatch,
                  int partitions) {
        static Config parse(String[] args) {
            Map<String, Integer> flags = new LinkedHashMap<>();
            List<Integer> positional = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    String[] kv = arg.substring(2).split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("expected --name=value, got " + arg);
                    }
                    flags.put(kv[0], Integer.parseInt(kv[1].replace("_", "")));
                } else {
                    positional.add(Integer.parseInt(arg.replace("_", "")));
                }
            }
            int events = positional.size() > 0 ? positional.get(0) : 20_000;
            int runs = positional.size() > 1 ? positional.get(1) : 5;
            Config c = new Config(events, runs,
                    flags.getOrDefault("warmup", events),
                    flags.getOrDefault("streams", 1_000),
                    flags.getOrDefault("batch", 100),
                    flags.getOrDefault("events-per-append", 10),
                    flags.getOrDefault("relay-batch", 500),
                    flags.getOrDefault("partitions", 3));
            List<String> known = List.of("warmup", "streams", "batch", "events-per-append", "relay-batch", "partitions");
            flags.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown flag --" + k + "; known: " + known);
            });
            if (c.batch % c.eventsPerAppend != 0 || c.events % c.batch != 0 || c.warmup % c.batch != 0) {
                throw new IllegalArgumentException("events and warmup must be multiples of batch, and batch of events-per-append");
            }
            return c;
        }

        String label(Scenario s) {
            return switch (s) {
                case RAW_BATCH -> s.label.formatted(batch);
                case BATCHED -> s.label.formatted(batch, batch / eventsPerAppend, eventsPerAppend);
                case KAFKA_RAW, RELAY -> s.label.formatted(relayBatch);
                default -> s.label;
            };
        }
    }

    private static final String PRINCIPAL = "111122223333";
    private static final String PLAIN_TABLE = """
            create table plain_events (
                id             bigint generated always as identity primary key,
                event_id       uuid        not null,
                stream_id      text        not null,
                stream_type    text        not null,
                version        bigint      not null,
                event_type     text        not null,
                schema_version int         not null,
                payload        jsonb       not null,
                occurred_at    timestamptz not null,
                correlation_id uuid,
                causation_id   uuid,
                principal      text
            )""";
    private static final String PLAIN_INSERT = """
            insert into plain_events (event_id, stream_id, stream_type, version, event_type, schema_version, payload,
                                      occurred_at, correlation_id, causation_id, principal)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""";

    private final Config config;
    private final Postgres postgres;
    private final String bootstrap;
    private final Admin admin;
    private final EventCodec codec = new EventCodec();
    private final String[] streamIds;
    private final Map<Scenario, List<Double>> rates = new EnumMap<>(Scenario.class);
    private final Map<Scenario, Histogram> latencies = new EnumMap<>(Scenario.class);
    private final List<Double> relaySeqRowsPerEvent = new ArrayList<>();
    private final List<Double> relayIndexRowsPerEvent = new ArrayList<>();
    private boolean recording;
    private int topicCounter;

    private EventStoreBenchmark(Config config, Postgres postgres, KafkaBroker kafka) {
        this.config = config;
        this.postgres = postgres;
        this.bootstrap = kafka.bootstrapServers();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.streamIds = IntStream.rangeClosed(1, config.streams).mapToObj(i -> String.format("vpce-%017x", i))
                .toArray(String[]::new);
        for (Scenario s : Scenario.values()) {
            rates.put(s, new ArrayList<>());
            latencies.put(s, new Histogram(3_600_000_000L, 3));
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        String loadBefore = loadAverage();
        long begin = System.nanoTime();
        System.out.printf("Privet event store benchmark: %,d events x %d runs (+1 warm-up run of %,d), %d streams, "
                        + "batch %d (%d events/append), relay batch %d, %d partitions%n",
                config.events, config.runs, config.warmup, config.streams, config.batch, config.eventsPerAppend,
                config.relayBatch, config.partitions);
        System.out.println("machine: " + machine());
        System.out.println("load average before: " + loadBefore);

        long t0 = System.nanoTime();
        Postgres postgres = TestInfrastructure.postgres();
        KafkaBroker kafka = TestInfrastructure.kafka();
        System.out.printf("servers: %s, %s (started in %.1f s)%n", postgres, kafka, seconds(System.nanoTime() - t0));

        EventStoreBenchmark bench = new EventStoreBenchmark(config, postgres, kafka);
        System.out.println("postgres: " + bench.serverSettings());
        System.out.println("payload: " + bench.payloadSizes());

        bench.round("warm-up", config.warmup);
        bench.recording = true;
        for (int run = 1; run <= config.runs; run++) {
            bench.round("run " + run + "/" + config.runs, config.events);
        }
        bench.admin.close();

        String loadAfter = loadAverage();
        System.out.println();
        bench.report();
        System.out.println();
        System.out.println("load average before: " + loadBefore);
        System.out.println("load average after:  " + loadAfter);
        System.out.printf("total time: %.0f s%n", seconds(System.nanoTime() - begin));
        System.exit(0); // the testkit's shutdown hooks stop the broker and PostgreSQL
    }

    /** One measurement of every scenario, ours and its peer side by side. */
    private void round(String name, int n) throws Exception {
        System.out.printf("%-9s", name);
        for (Scenario s : Scenario.values()) {
            double rate = switch (s) {
                case RAW_AUTOCOMMIT -> rawAutocommit(n);
                case SINGLE -> singleWriter(n);
                case RAW_BATCH -> rawBatched(n);
                case BATCHED -> batched(n);
                case KAFKA_RAW -> rawProducer(n);
                case RELAY -> relay(n);
            };
            if (recording) {
                rates.get(s).add(rate);
            }
            System.out.printf("  %s %,.0f/s", shortName(s), rate);
            System.out.flush();
        }
        System.out.println();
    }

    // ---------------------------------------------------------------- 1. single writer

    private double singleWriter(int n) throws Exception {
        Database db = eventStoreDatabase("bench_single");
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            Transactions tx = new Transactions(ds);
            EventStore store = new EventStore(codec);
            long[] versions = new long[streamIds.length];
            Histogram latency = latencies.get(Scenario.SINGLE);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int s = i % streamIds.length;
                long expected = versions[s];
                List<IntegrationEvent> events = List.of(new VpcEndpointAccepted(streamIds[s]));
                EventMetadata metadata = EventMetadata.forRequest(PRINCIPAL);
                long t = System.nanoTime();
                tx.inTransaction(c -> store.append(c, expected, metadata, events));
                record(latency, System.nanoTime() - t);
                versions[s] = expected + 1;
            }
            double rate = rate(n, System.nanoTime() - start);
            expectRows(ds, "events", n);
            return rate;
        } finally {
            drop(db);
        }
    }

    // ---------------------------------------------------------------- 2. batched

    private double batched(int n) throws Exception {
        Database db = eventStoreDatabase("bench_batched");
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            long start = System.nanoTime();
            appendBatched(ds, n, latencies.get(Scenario.BATCHED));
            double rate = rate(n, System.nanoTime() - start);
            expectRows(ds, "events", n);
            return rate;
        } finally {
            drop(db);
        }
    }

    /** n events, batch per transaction, as appends of eventsPerAppend events, each to the next stream. */
    private void appendBatched(ReusingDataSource ds, int n, Histogram latency) {
        Transactions tx = new Transactions(ds);
        EventStore store = new EventStore(codec);
        long[] versions = new long[streamIds.length];
        int perAppend = config.eventsPerAppend;
        int appendsPerTx = config.batch / perAppend;
        int stream = 0;
        for (int done = 0; done < n; done += config.batch) {
            int first = stream;
            EventMetadata metadata = EventMetadata.forRequest(PRINCIPAL);
            long t = System.nanoTime();
            tx.inTransaction(c -> {
                for (int a = 0; a < appendsPerTx; a++) {
                    int s = (first + a) % streamIds.length;
                    List<IntegrationEvent> events = new ArrayList<>(perAppend);
                    for (int e = 0; e < perAppend; e++) {
                        events.add(new VpcEndpointAccepted(streamIds[s]));
                    }
                    store.append(c, versions[s], metadata, events);
                }
                return null;
            });
            record(latency, System.nanoTime() - t);
            for (int a = 0; a < appendsPerTx; a++) {
                versions[(first + a) % streamIds.length] += perAppend;
            }
            stream = (first + appendsPerTx) % streamIds.length;
        }
    }

    // ---------------------------------------------------------------- 3. relay

    private double relay(int n) throws Exception {
        Database db = eventStoreDatabase("bench_relay");
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            appendBatched(ds, n, new Histogram(3_600_000_000L, 3)); // the pre-fill, not measured
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("analyze events"); // as autovacuum would have on a live table
            }
            String topic = newTopic("relay");
            long[] scansBefore = eventsTableScans(ds);
            try (Producer<String, byte[]> producer = new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap))) {
                producer.partitionsFor(topic); // metadata fetched before the clock starts, as for the peer
                OutboxRelay relay = new OutboxRelay("bench", topic, ds, producer, config.relayBatch,
                        Duration.ofMillis(50));
                long start = System.nanoTime();
                long lastCount = 0;
                long lastProgress = start;
                relay.start();
                try {
                    while (relay.published() < n) {
                        long published = relay.published();
                        long now = System.nanoTime();
                        if (published != lastCount) {
                            lastCount = published;
                            lastProgress = now;
                        } else if (now - lastProgress > Duration.ofSeconds(15).toNanos()) {
                            throw new IllegalStateException("relay stalled: published " + published + " of " + n
                                    + " events, none for 15 s");
                        }
                        Thread.sleep(1);
                    }
                } finally {
                    relay.close();
                }
                double rate = rate(n, System.nanoTime() - start);
                expectRecords(topic, n);
                long[] scansAfter = eventsTableScans(ds);
                if (recording) {
                    relaySeqRowsPerEvent.add((scansAfter[0] - scansBefore[0]) / (double) n);
                    relayIndexRowsPerEvent.add((scansAfter[1] - scansBefore[1]) / (double) n);
                }
                return rate;
            }
        } finally {
            drop(db);
        }
    }

    // ---------------------------------------------------------------- 4a. raw JDBC

    private double rawAutocommit(int n) throws Exception {
        Database db = plainDatabase("bench_raw_single");
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            Histogram latency = latencies.get(Scenario.RAW_AUTOCOMMIT);
            double rate;
            try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(PLAIN_INSERT)) {
                long[] versions = new long[streamIds.length];
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    int s = i % streamIds.length;
                    long t = System.nanoTime();
                    bindRow(st, streamIds[s], ++versions[s], EventMetadata.forRequest(PRINCIPAL));
                    st.executeUpdate();
                    record(latency, System.nanoTime() - t);
                }
                rate = rate(n, System.nanoTime() - start);
            }
            expectRows(ds, "plain_events", n);
            return rate;
        } finally {
            drop(db);
        }
    }

    private double rawBatched(int n) throws Exception {
        Database db = plainDatabase("bench_raw_batch");
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            Histogram latency = latencies.get(Scenario.RAW_BATCH);
            double rate;
            try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(PLAIN_INSERT)) {
                c.setAutoCommit(false);
                long[] versions = new long[streamIds.length];
                int i = 0;
                long start = System.nanoTime();
                while (i < n) {
                    long t = System.nanoTime();
                    EventMetadata metadata = EventMetadata.forRequest(PRINCIPAL);
                    for (int b = 0; b < config.batch; b++, i++) {
                        int s = i % streamIds.length;
                        bindRow(st, streamIds[s], ++versions[s], metadata);
                        st.addBatch();
                    }
                    st.executeBatch();
                    c.commit();
                    record(latency, System.nanoTime() - t);
                }
                rate = rate(n, System.nanoTime() - start);
                c.setAutoCommit(true);
            }
            expectRows(ds, "plain_events", n);
            return rate;
        } finally {
            drop(db);
        }
    }

    /** The row EventStore.append writes, into the plain table. */
    private void bindRow(PreparedStatement st, String streamId, long version, EventMetadata metadata)
            throws SQLException {
        VpcEndpointAccepted event = new VpcEndpointAccepted(streamId);
        st.setObject(1, UUID.randomUUID());
        st.setString(2, streamId);
        st.setString(3, event.streamType());
        st.setLong(4, version);
        st.setString(5, event.eventType());
        st.setInt(6, EventCodec.CURRENT_SCHEMA_VERSION);
        st.setString(7, new String(codec.encode(event), StandardCharsets.UTF_8));
        st.setTimestamp(8, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
        st.setObject(9, metadata.correlationId());
        st.setObject(10, metadata.causationId());
        st.setString(11, metadata.principal());
    }

    // ---------------------------------------------------------------- 4b. raw Kafka producer

    private double rawProducer(int n) throws Exception {
        String topic = newTopic("raw");
        List<ProducerRecord<String, byte[]>> records = records(topic, n); // built before the clock, a ceiling
        Histogram latency = latencies.get(Scenario.KAFKA_RAW);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(OutboxRelay.producerSettings(bootstrap))) {
            producer.partitionsFor(topic);
            List<Future<RecordMetadata>> acks = new ArrayList<>(config.relayBatch);
            long start = System.nanoTime();
            for (int from = 0; from < n; from += config.relayBatch) {
                long t = System.nanoTime();
                acks.clear();
                for (int i = from; i < Math.min(n, from + config.relayBatch); i++) {
                    acks.add(producer.send(records.get(i)));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(); // as the relay does: every record acknowledged before the next batch
                }
                record(latency, System.nanoTime() - t);
            }
            double rate = rate(n, System.nanoTime() - start);
            expectRecords(topic, n);
            return rate;
        }
    }

    /** The records the relay would send for n events appended round robin: same key, value and headers. */
    private List<ProducerRecord<String, byte[]>> records(String topic, int n) {
        long[] versions = new long[streamIds.length];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EventMetadata metadata = EventMetadata.forRequest(PRINCIPAL);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = i % streamIds.length;
            VpcEndpointAccepted event = new VpcEndpointAccepted(streamIds[s]);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), streamIds[s], event.streamType(),
                    ++versions[s], EventCodec.CURRENT_SCHEMA_VERSION, now, metadata, event);
            records.add(EventRecords.toRecord(topic, envelope, codec));
        }
        return records;
    }

    // ---------------------------------------------------------------- fixtures and checks

    private Database eventStoreDatabase(String name) {
        Database db = postgres.createDatabase(name);
        try (ReusingDataSource ds = ReusingDataSource.of(db)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/eventstore").load().migrate();
        }
        return db;
    }

    private Database plainDatabase(String name) throws SQLException {
        Database db = postgres.createDatabase(name);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(PLAIN_TABLE);
        }
        return db;
    }

    private void drop(Database db) throws SQLException {
        try (Connection c = new Database(postgres.adminJdbcUrl(), postgres.username(), postgres.password()).connect();
             Statement st = c.createStatement()) {
            st.execute("drop database if exists \"" + db.name() + "\" with (force)");
        }
    }

    private String newTopic(String kind) {
        String topic = "bench." + kind + "." + (++topicCounter) + "." + UUID.randomUUID().toString().substring(0, 8);
        EventTopics.ensure(admin, List.of(topic), config.partitions, (short) 1);
        return topic;
    }

    private static void expectRows(ReusingDataSource ds, String table, long n) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            if (rs.getLong(1) != n) {
                throw new IllegalStateException(table + " holds " + rs.getLong(1) + " rows, expected " + n);
            }
        }
    }

    /** The topic holds exactly n records: none lost, none sent twice (the producer is idempotent). */
    private void expectRecords(String topic, long n) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, config.partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        long total = admin.listOffsets(ends).all().get().values().stream().mapToLong(r -> r.offset()).sum();
        if (total != n) {
            throw new IllegalStateException(topic + " holds " + total + " records, expected " + n);
        }
    }

    /**
     * How the events table was read so far: {rows read by sequential scans, rows fetched by index and bitmap scans}. A
     * backend can hold back its counters for up to 10 s, but publishes them when it exits. So this closes the pool's
     * connections first and gives them time to exit, then leaves two open for the relay (its lock and its fetches), all
     * outside any measured interval.
     */
    private static long[] eventsTableScans(ReusingDataSource ds) throws SQLException, InterruptedException {
        ds.close();
        Thread.sleep(500);
        try (Connection c = ds.getConnection(); Connection spare = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "select seq_tup_read, coalesce(idx_tup_fetch, 0) from pg_stat_user_tables where relname = 'events'")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private void record(Histogram h, long nanos) {
        if (recording) {
            h.recordValue(Math.max(1, nanos / 1_000));
        }
    }

    private String serverSettings() throws SQLException {
        Database db = postgres.createDatabase("bench_probe");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("show server_version")) {
                rs.next();
                out.add(rs.getString(1));
            }
            for (String setting : List.of("fsync", "full_page_writes", "synchronous_commit", "wal_sync_method",
                    "shared_buffers")) {
                try (ResultSet rs = st.executeQuery("show " + setting)) {
                    rs.next();
                    out.add(setting + "=" + rs.getString(1));
                }
            }
            return String.join(" ", out);
        } finally {
            drop(db);
        }
    }

    private String payloadSizes() {
        ProducerRecord<String, byte[]> r = records("size", 1).getFirst();
        int headers = 0;
        for (Header h : r.headers()) {
            headers += h.key().length() + h.value().length;
        }
        return String.format("JSON value %d B, key %d B, %d headers %d B (the same record for relay and peer)",
                r.value().length, r.key().length(), r.headers().toArray().length, headers);
    }

    // ---------------------------------------------------------------- report

    private void report() {
        System.out.printf("%-48s %10s %10s %10s %9s %9s%n", "events/s over " + String.format("%,d", config.events)
                + " events, " + config.runs + " runs", "median", "min", "max", "p50 us", "p99 us");
        for (Scenario s : Scenario.values()) {
            double[] r = sorted(rates.get(s));
            Histogram h = latencies.get(s);
            String p50 = s.latencyUnit == null ? "" : Long.toString(h.getValueAtPercentile(50));
            String p99 = s.latencyUnit == null ? "" : Long.toString(h.getValueAtPercentile(99));
            System.out.printf("%-48s %,10.0f %,10.0f %,10.0f %9s %9s%n", config.label(s), median(r), r[0],
                    r[r.length - 1], p50, p99);
        }
        System.out.println("(latency: per transaction for JDBC and appends, per send+flush of "
                + config.relayBatch + " records for the raw producer; all runs merged)");
        System.out.printf("relay: rows of the events table read per event published (median of runs): %.1f by "
                        + "sequential scans, %.1f through indexes (about 1 in all when each fetch reads only its batch)%n",
                median(sorted(relaySeqRowsPerEvent)), median(sorted(relayIndexRowsPerEvent)));
        System.out.println();
        System.out.println("ours / peer          ratio of medians   per-run ratios (min..max)");
        ratio("1 single / autocommit", Scenario.SINGLE, Scenario.RAW_AUTOCOMMIT);
        ratio("2 batched / batch", Scenario.BATCHED, Scenario.RAW_BATCH);
        ratio("3 relay / producer", Scenario.RELAY, Scenario.KAFKA_RAW);
    }

    private void ratio(String name, Scenario ours, Scenario peer) {
        List<Double> a = rates.get(ours);
        List<Double> b = rates.get(peer);
        double[] perRun = IntStream.range(0, a.size()).mapToDouble(i -> a.get(i) / b.get(i)).sorted().toArray();
        System.out.printf("%-22s %16.2f   %.2f..%.2f%n", name, median(sorted(a)) / median(sorted(b)), perRun[0],
                perRun[perRun.length - 1]);
    }

    private static String shortName(Scenario s) {
        return switch (s) {
            case RAW_AUTOCOMMIT -> "jdbc1";
            case SINGLE -> "single";
            case RAW_BATCH -> "jdbcB";
            case BATCHED -> "batched";
            case KAFKA_RAW -> "producer";
            case RELAY -> "relay";
        };
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double rate(long n, long nanos) {
        return n / seconds(nanos);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse(memory);
        } catch (Exception ignored) {
            // not Linux: leave unknown
        }
        return String.format("%d CPUs (%s), %s RAM, JDK %s (%s), max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), cpu, memory, Runtime.version(),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
