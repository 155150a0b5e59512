package dev.privet.dns.projection;

import dev.privet.dns.zone.NameRecords;
import dev.privet.dns.zone.ServedNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads for the API: an endpoint's DNS state from {@link EndpointDnsRow} (written inline with the dns events), and
 * record sets from {@link ServedNames}, exactly what the DNS server answers. Names are looked up lower case, without
 * the final dot.
 */
@ApplicationScoped
public class DnsReadModel {
    static final String ADDRESS = "A";

    private final ServedNames names;

    DnsReadModel(ServedNames names) {
        this.names = names;
    }

    /** The values of one name and type. */
    public record RecordSet(String name, String type, List<String> values) {
    }

    public Optional<EndpointDnsRow> endpoint(String vpcEndpointId) {
        return EndpointDnsRow.find(vpcEndpointId);
    }

    /** The values the endpoint holds, by its DNS entries (regional first); none once its names are removed. */
    public List<RecordSet> recordsOf(EndpointDnsRow endpoint) {
        List<RecordSet> sets = new ArrayList<>();
        for (var entry : endpoint.dnsEntries) {
            String name = entry.dnsName().toLowerCase(Locale.ROOT);
            names.find(name).map(records -> records.textsOf(endpoint.vpcEndpointId)).filter(v -> !v.isEmpty())
                    .ifPresent(values -> sets.add(new RecordSet(name, ADDRESS, values)));
        }
        return sets;
    }

    public List<RecordSet> recordsNamed(String name) {
        return names.find(name).map(NameRecords::texts).map(values -> List.of(new RecordSet(name, ADDRESS, values)))
                .orElse(List.of());
    }
}
