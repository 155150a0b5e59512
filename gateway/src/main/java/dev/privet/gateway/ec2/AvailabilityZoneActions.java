package dev.privet.gateway.ec2;

import dev.privet.contracts.ids.Region;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.XmlBody;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DescribeAvailabilityZones: the installation's region has six zones, {@code a} to {@code f}, all available
 * ({@link Region#zones()}, which consumer-service's catalog offers AWS's services in too). The gateway answers it
 * alone: zones are not a resource any service owns.
 */
@ApplicationScoped
public class AvailabilityZoneActions implements QueryActions {
    static final Listing<String> LISTING = Listing.<String>of(zone -> zone)
            .ids("ZoneName", zone -> QueryFault.invalidValue("The zone '" + zone + "' does not exist"))
            .filter("zone-name", zone -> zone)
            .filter("zone-id", Ec2::zoneId)
            .filter("region-name", zone -> zone.substring(0, zone.length() - 1))
            .filter("state", zone -> "available")
            .filter("zone-type", zone -> "availability-zone")
            .unpaged();

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("DescribeAvailabilityZones", this::describe);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var params = call.params();
        var selection = LISTING.read(params);
        params.bool("AllAvailabilityZones", false);
        params.done();
        var page = selection.select(new Region(call.region()).zones());
        return body -> body.set("availabilityZoneInfo", page.items(), (out, zone) -> out
                .text("zoneName", zone)
                .text("zoneId", Ec2.zoneId(zone))
                .text("zoneState", "available")
                .text("regionName", call.region())
                .text("zoneType", "availability-zone")
                .text("optInStatus", "opt-in-not-required")
                .text("groupName", call.region())
                .text("networkBorderGroup", call.region())
                .values("messageSet", List.of()));
    }
}
