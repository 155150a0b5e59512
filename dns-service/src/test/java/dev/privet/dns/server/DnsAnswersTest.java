package dev.privet.dns.server;

import dev.privet.dns.server.DnsAnswers.Transport;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DnsAnswersTest {
    static final String NAME = "vpce-0a1b2c3d4e5f60718-ab12cd34.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com";
    final DnsAnswers answers = new DnsAnswers(name -> Map.of(NAME, List.of("10.0.1.4", "10.0.2.4"))
            .getOrDefault(name, List.of()));

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
    void a_malformed_packet_or_a_response_gets_no_answer() throws IOException {
        assertThat(answers.answer(new byte[] {1, 2, 3}, Transport.UDP)).isEmpty();
        assertThat(answers.answer(new byte[0], Transport.TCP)).isEmpty();
        Message response = Message.newQuery(Record.newRecord(Name.fromString(NAME + "."), Type.A, DClass.IN));
        response.getHeader().setFlag(Flags.QR);
        assertThat(answers.answer(response.toWire(), Transport.UDP)).isEmpty();
    }

    @Test
    void a_failing_lookup_answers_SERVFAIL_instead_of_crashing() throws IOException {
        DnsAnswers failing = new DnsAnswers(name -> {
            throw new java.sql.SQLException("database down");
        });
        Message query = Message.newQuery(Record.newRecord(Name.fromString(NAME + "."), Type.A, DClass.IN));

        assertThat(new Message(failing.answer(query.toWire(), Transport.TCP).orElseThrow()).getRcode())
                .isEqualTo(Rcode.SERVFAIL);
    }
}
