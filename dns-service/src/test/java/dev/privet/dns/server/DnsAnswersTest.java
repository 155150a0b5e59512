package dev.privet.dns.server;

import dev.privet.dns.domain.AnsweredAddress;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.dns.server.DnsAnswers.Transport;
import dev.privet.dns.server.DnsQueryCounts.Answer;
import dev.privet.dns.server.DnsQueryCounts.Path;
import dev.privet.dns.zone.ServedNames;
import dev.privet.dns.zone.Publications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DnsAnswersTest {
    static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String NAME = Publications.regional(ENDPOINT);
    final ServedNames names = new ServedNames(AnsweredAddress.DATA_PLANE);
    final DnsAnswers answers = new DnsAnswers(names);

    @BeforeEach
    void publish() {
        names.apply(Publications.envelope(Publications.published(ENDPOINT, "10.0.2.4", "10.0.1.4")));
    }

    Message ask(String name, int type) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        return new Message(answers.answer(query.toWire(), Transport.UDP).orElseThrow());
    }

    @Test
    void a_published_name_answers_its_addresses_authoritatively_whatever_its_case_and_final_dot() throws IOException {
        Message response = ask(NAME.toUpperCase() + ".", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).extracting(r -> r.rdataToString())
                .containsExactly("10.0.1.4", "10.0.2.4");
        assertThat(response.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(60));
    }

    @Test
    void each_query_is_counted_by_its_answer_and_the_path_that_built_it() throws IOException {
        DnsQueryCounts counts = new DnsQueryCounts();
        DnsAnswers counted = new DnsAnswers(names, counts);
        ask(counted, NAME, Type.A);
        ask(counted, NAME, Type.A);
        ask(counted, NAME, Type.AAAA);
        ask(counted, "vpce-0000000000000000-nothing.vpce-svc.us-east-1.vpce.amazonaws.com", Type.A);
        ask(counted, NAME, Type.ANY);
        ask(counted, "example.com", Type.A);
        counted.answer(new Message().toWire(), Transport.UDP); // no question
        counted.answer(new byte[] {1, 2, 3}, Transport.UDP);

        assertThat(counts.count(Path.WIRE, Answer.NOERROR)).isEqualTo(2);
        assertThat(counts.count(Path.WIRE, Answer.NODATA)).isEqualTo(1);
        assertThat(counts.count(Path.WIRE, Answer.NXDOMAIN)).isEqualTo(1);
        assertThat(counts.count(Path.DNSJAVA, Answer.NOERROR)).isEqualTo(1);
        assertThat(counts.count(Path.DNSJAVA, Answer.REFUSED)).isEqualTo(1);
        assertThat(counts.count(Path.DNSJAVA, Answer.FORMERR)).isEqualTo(1);
        assertThat(counts.count(Path.DNSJAVA, Answer.DROPPED)).isEqualTo(1);
        long all = 0;
        for (Path path : Path.values()) {
            for (Answer answer : Answer.values()) {
                all += counts.count(path, answer);
            }
        }
        assertThat(all).isEqualTo(8);
    }

    private static void ask(DnsAnswers to, String name, int type) throws IOException {
        to.answer(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)).toWire(),
                Transport.UDP);
    }

    @Test
    void another_type_of_a_published_name_answers_NOERROR_with_no_records() throws IOException {
        Message response = ask(NAME + ".", Type.AAAA);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void an_unknown_name_of_the_zone_answers_NXDOMAIN() throws IOException {
        Message response = ask("vpce-0000.vpce-svc-0.us-east-1.vpce.amazonaws.com.", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
    }

    @Test
    void a_name_outside_vpce_amazonaws_com_is_refused() throws IOException {
        assertThat(ask("example.com.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void a_hosted_zones_cname_is_followed_into_endpoint_names_and_a_loop_ends() throws IOException {
        names.apply(Publications.envelope(new HostedZoneCreated("ZABCDEFGHIJKLM", "example.com.", "111122223333",
                "r", null)));
        names.apply(Publications.envelope(new RecordSetsChanged("ZABCDEFGHIJKLM", "C1", List.of(
                cname("api.example.com.", NAME + "."), cname("loop-a.example.com.", "loop-b.example.com."),
                cname("loop-b.example.com.", "loop-a.example.com.")))));

        Message viaEndpoint = ask("API.example.com.", Type.A);
        assertThat(viaEndpoint.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(viaEndpoint.getSection(Section.ANSWER)).extracting(r -> r.getName() + " " + r.rdataToString())
                .containsExactly("API.example.com. " + NAME + ".", NAME + ". 10.0.1.4", NAME + ". 10.0.2.4");
        assertThat(ask("api.example.com.", Type.CNAME).getSection(Section.ANSWER)).hasSize(1);
        assertThat(ask("loop-a.example.com.", Type.A).getSection(Section.ANSWER))
                .hasSize(DnsAnswers.MAX_CNAME_CHAIN + 1);
    }

    static RecordSetChange cname(String name, String target) {
        return new RecordSetChange("CREATE", new RecordSet(name, "CNAME", 300, List.of(target)));
    }

    @Test
    void a_malformed_packet_or_a_response_gets_no_answer() throws IOException {
        assertThat(answers.answer(new byte[] {1, 2, 3}, Transport.UDP)).isEmpty();
        assertThat(answers.answer(new byte[0], Transport.TCP)).isEmpty();
        Message response = Message.newQuery(Record.newRecord(Name.fromString(NAME + "."), Type.A, DClass.IN));
        response.getHeader().setFlag(Flags.QR);
        assertThat(answers.answer(response.toWire(), Transport.UDP)).isEmpty();
    }

    @Test
    void the_apex_answers_its_SOA_and_NS_and_no_data_for_other_types() throws IOException {
        Message soa = ask("VPCE.amazonaws.com.", Type.SOA);
        assertThat(soa.getSection(Section.ANSWER)).singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
        assertThat(ask("vpce.amazonaws.com.", Type.NS).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("ns.privet.internal."));

        Message a = ask("vpce.amazonaws.com.", Type.A);
        assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(a.getSection(Section.ANSWER)).isEmpty();
        assertThat(a.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
    }

    @Test
    void misses_carry_the_zone_SOA_so_resolvers_can_cache_them() throws IOException {
        assertThat(ask("vpce-0000.vpce-svc-0.us-east-1.vpce.amazonaws.com.", Type.A).getSection(Section.AUTHORITY))
                .singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
        assertThat(ask(NAME + ".", Type.TXT).getSection(Section.AUTHORITY))
                .singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
    }

    @Test
    void a_removed_name_answers_NXDOMAIN() throws IOException {
        names.apply(Publications.envelope(new EndpointDnsRemoved(ENDPOINT, Publications.SERVICE)));

        assertThat(ask(NAME + ".", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }
}
