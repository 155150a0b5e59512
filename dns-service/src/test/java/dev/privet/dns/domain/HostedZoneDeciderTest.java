package dev.privet.dns.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.HostedZoneDeleted;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.dns.domain.HostedZone.Zone;
import dev.privet.dns.domain.HostedZoneCommand.ChangeRecordSets;
import dev.privet.dns.domain.HostedZoneCommand.CreateHostedZone;
import dev.privet.dns.domain.HostedZoneCommand.DeleteHostedZone;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.privet.dns.domain.HostedZoneDecider.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostedZoneDeciderTest {
    static final String ID = "ZABCDEFGHIJKLM";
    static final String OWNER = "111111111111";
    static final HostedZoneCreated CREATED = new HostedZoneCreated(ID, "example.com.", OWNER, "ref-1", null);

    @Test
    void a_zone_is_created_once() {
        var create = new CreateHostedZone(ID, "example.com.", OWNER, "ref-1", null);
        assertThat(DECIDER.decide(create, DECIDER.initialState())).containsExactly(CREATED);
        refused(() -> DECIDER.decide(create, given(CREATED)), ErrorCode.HOSTED_ZONE_ALREADY_EXISTS, "hostedZoneId");
    }

    @Test
    void a_batch_applies_in_order_and_whole() {
        var batch = batch(c -> {
            c.add("CREATE", "www.example.com", "A", 300L, List.of("192.0.2.1"));
            c.add("CREATE", "_privet-verify.example.com", "TXT", 60L, List.of("\"vpce:abc123\""));
        });
        List<DnsEvent> events = DECIDER.decide(change(batch), given(CREATED));
        assertThat(events).containsExactly(new RecordSetsChanged(ID, "C1", batch));
        Zone zone = (Zone) given(CREATED, events.getFirst());
        assertThat(zone.recordSetCount()).isEqualTo(4);
        // delete and create again in one batch; an upsert replaces
        var again = batch(c -> {
            c.add("DELETE", "www.example.com.", "A", 300L, List.of("192.0.2.1"));
            c.add("CREATE", "www.example.com", "CNAME", 300L, List.of("example.net"));
            c.add("UPSERT", "_privet-verify.example.com", "TXT", 60L, List.of("\"other\""));
        });
        Zone after = (Zone) DECIDER.evolve(zone, DECIDER.decide(change(again), zone).getFirst(), Instant.now());
        assertThat(after.recordSets().values()).extracting(s -> s.type() + " " + s.values())
                .containsExactlyInAnyOrder("CNAME [example.net.]", "TXT [\"other\"]");
    }

    @Test
    void every_rule_of_a_batch_names_the_change_at_fault() {
        HostedZone zone = given(CREATED, new RecordSetsChanged(ID, "C0", batch(c ->
                c.add("CREATE", "www.example.com", "A", 300L, List.of("192.0.2.1", "192.0.2.2")))));
        refusedBatch(zone, c -> c.add("CREATE", "www.example.org", "A", 300L, List.of("192.0.2.1")),
                "changes[0].resourceRecordSet.name");
        refusedBatch(zone, c -> {
            c.add("UPSERT", "a.example.com", "A", 1L, List.of("192.0.2.1"));
            c.add("CREATE", "www.example.com", "A", 300L, List.of("192.0.2.3"));
        }, "changes[1]");
        refusedBatch(zone, c -> c.add("DELETE", "www.example.com", "A", 60L, List.of("192.0.2.1", "192.0.2.2")),
                "changes[0]"); // another TTL
        refusedBatch(zone, c -> c.add("DELETE", "www.example.com", "A", 300L, List.of("192.0.2.1")), "changes[0]");
        refusedBatch(zone, c -> c.add("DELETE", "no.example.com", "A", 300L, List.of("192.0.2.1")), "changes[0]");
        refusedBatch(zone, c -> c.add("CREATE", "www.example.com", "CNAME", 300L, List.of("x.example.net")),
                "changes[0]");
        refusedBatch(zone, c -> c.add("CREATE", "example.com", "CNAME", 300L, List.of("x.example.net")),
                "changes[0]");
        HostedZone withCname = given(CREATED, new RecordSetsChanged(ID, "C0", batch(c ->
                c.add("CREATE", "alias.example.com", "CNAME", 300L, List.of("x.example.net")))));
        refusedBatch(withCname, c -> c.add("CREATE", "alias.example.com", "TXT", 300L, List.of("\"a\"")),
                "changes[0]");
        // a DELETE with the values in another order is the same set
        assertThat(DECIDER.decide(change(batch(c -> c.add("DELETE", "www.example.com", "A", 300L,
                List.of("192.0.2.2", "192.0.2.1")))), zone)).hasSize(1);
    }

    @Test
    void only_the_owner_sees_the_zone_and_only_an_empty_zone_is_deleted() {
        HostedZone zone = given(CREATED, new RecordSetsChanged(ID, "C0", batch(c ->
                c.add("CREATE", "www.example.com", "A", 300L, List.of("192.0.2.1")))));
        refused(() -> DECIDER.decide(new DeleteHostedZone("222222222222"), zone), ErrorCode.NO_SUCH_HOSTED_ZONE,
                "hostedZoneId");
        refused(() -> DECIDER.decide(new ChangeRecordSets("222222222222", "C1", List.of()), zone),
                ErrorCode.NO_SUCH_HOSTED_ZONE, "hostedZoneId");
        refused(() -> DECIDER.decide(new DeleteHostedZone(OWNER), zone), ErrorCode.HOSTED_ZONE_NOT_EMPTY,
                "hostedZoneId");
        assertThat(DECIDER.decide(new DeleteHostedZone(OWNER), given(CREATED)))
                .containsExactly(new HostedZoneDeleted(ID, "example.com."));
        HostedZone deleted = given(CREATED, new HostedZoneDeleted(ID, "example.com."));
        assertThat(DECIDER.isTerminal(deleted)).isTrue();
        refused(() -> DECIDER.decide(new DeleteHostedZone(OWNER), deleted), ErrorCode.NO_SUCH_HOSTED_ZONE,
                "hostedZoneId");
    }

    @Test
    void each_change_is_checked_alone_for_its_shape_and_values() {
        refusedAlone(c -> c.add("REPLACE", "a.example.com", "A", 1L, List.of("192.0.2.1")), "changes[0].action");
        refusedAlone(c -> c.add("CREATE", "a..example.com", "A", 1L, List.of("192.0.2.1")),
                "changes[0].resourceRecordSet.name");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "MX", 1L, List.of("10 mx")),
                "changes[0].resourceRecordSet.type");
        refusedAlone(c -> c.add("CREATE", "example.com", "SOA", 1L, List.of("x")),
                "changes[0].resourceRecordSet.type");
        refusedAlone(c -> c.add("CREATE", "example.com", "NS", 1L, List.of("ns.example.net.")),
                "changes[0].resourceRecordSet.type");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "A", -1L, List.of("192.0.2.1")),
                "changes[0].resourceRecordSet.ttl");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "A", 1L, List.of()),
                "changes[0].resourceRecordSet.resourceRecords");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "A", 1L, List.of("192.0.2.256")),
                "changes[0].resourceRecordSet.resourceRecords[0].value");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "A", 1L, List.of("192.0.2.1", "192.0.2.1")),
                "changes[0].resourceRecordSet.resourceRecords[1].value");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "AAAA", 1L, List.of("192.0.2.1")),
                "changes[0].resourceRecordSet.resourceRecords[0].value");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "CNAME", 1L, List.of("not a name")),
                "changes[0].resourceRecordSet.resourceRecords[0].value");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "CNAME", 1L, List.of("a.example.net", "b.example.net")),
                "changes[0].resourceRecordSet.resourceRecords");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "TXT", 1L, List.of("unquoted")),
                "changes[0].resourceRecordSet.resourceRecords[0].value");
        refusedAlone(c -> c.add("CREATE", "a.example.com", "TXT", 1L, List.of("\"" + "x".repeat(256) + "\"")),
                "changes[0].resourceRecordSet.resourceRecords[0].value");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ChangeBatch.MAX_VALUES + 1; i++) {
            many.add("\"" + i + "\"");
        }
        refusedAlone(c -> c.add("CREATE", "a.example.com", "TXT", 1L, many),
                "changes[0].resourceRecordSet.resourceRecords");
        List<String> long16 = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long16.add(("\"" + i + "x".repeat(250) + "\" ").repeat(8).strip());
        }
        refusedAlone(c -> c.add("CREATE", "a.example.com", "TXT", 1L, long16),
                "changes[0].resourceRecordSet.resourceRecords[15].value");
        assertThatThrownBy(() -> ChangeBatch.ofSize(ChangeBatch.MAX_CHANGES + 1)).isInstanceOfSatisfying(
                Rejection.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_CHANGE_BATCH));
        var ok = batch(c -> {
            c.add("CREATE", "A.Example.COM", "AAAA", 1L, List.of("2001:DB8::1"));
            c.add("CREATE", "t.example.com", "TXT", 1L, List.of("\"a \\\"quoted\\\" b\" \"two\""));
        });
        assertThat(ok.getFirst().recordSet().name()).isEqualTo("a.example.com.");
        assertThat(ok.getFirst().recordSet().values()).containsExactly("2001:db8::1");
        assertThat(TxtStrings.parse(ok.get(1).recordSet().values().getFirst()))
                .contains(List.of("a \"quoted\" b", "two"));
    }

    @Test
    void a_zone_never_overlaps_another_nor_amazonaws_com() {
        ZoneNames.requireAvailable("example.com.", List.of("example.org.", "other-example.com."));
        for (String name : List.of("amazonaws.com.", "vpce.amazonaws.com.", "x.amazonaws.com.", "com.")) {
            refused(() -> ZoneNames.requireAvailable(name, List.of()), ErrorCode.INVALID_DOMAIN_NAME, "name");
        }
        for (String name : List.of("example.com.", "sub.example.com.")) {
            refused(() -> ZoneNames.requireAvailable(name, List.of("example.com.")),
                    ErrorCode.CONFLICTING_DOMAIN_EXISTS, "name");
        }
        refused(() -> ZoneNames.requireAvailable("com.", List.of()), ErrorCode.INVALID_DOMAIN_NAME, "name");
        refused(() -> ZoneNames.requireAvailable("example.com.", List.of("a.b.example.com.")),
                ErrorCode.CONFLICTING_DOMAIN_EXISTS, "name");
    }

    @Test
    void names_are_listed_with_their_labels_reversed() {
        assertThat(DnsName.reversed("www.example.com.")).isEqualTo("com.example.www");
        assertThat(DnsName.normalized("WWW.Example.com")).contains("www.example.com.");
        assertThat(DnsName.normalized("x".repeat(64) + ".com")).isEmpty();
        assertThat(DnsName.normalized(".")).isEmpty();
    }

    interface Changes {
        void to(ChangeBatch batch);
    }

    static List<RecordSetChange> batch(Changes changes) {
        ChangeBatch batch = new ChangeBatch();
        changes.to(batch);
        return batch.changes();
    }

    static ChangeRecordSets change(List<RecordSetChange> changes) {
        return new ChangeRecordSets(OWNER, "C1", changes);
    }

    static HostedZone given(DnsEvent... events) {
        HostedZone state = DECIDER.initialState();
        for (DnsEvent event : events) {
            state = DECIDER.evolve(state, event, Instant.now());
        }
        return state;
    }

    static void refusedBatch(HostedZone zone, Changes changes, String field) {
        refused(() -> DECIDER.decide(change(batch(changes)), zone), ErrorCode.INVALID_CHANGE_BATCH, field);
    }

    static void refusedAlone(Changes changes, String field) {
        refused(() -> batch(changes), ErrorCode.INVALID_CHANGE_BATCH, field);
    }

    static void refused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.field()).isEqualTo(field);
        });
    }
}
