package dev.privet.dns.zone;

import org.xbill.DNS.Address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One address of a name, parsed once when it is published (a query only copies it), and the endpoint that holds it.
 *
 * @param text          the address as the event wrote it
 * @param address       the same, parsed
 * @param vpcEndpointId the endpoint whose publication wrote it last
 */
public record HeldAddress(String text, InetAddress address, String vpcEndpointId) {

    static HeldAddress of(String text, String vpcEndpointId) {
        try {
            return new HeldAddress(text, Address.getByAddress(text), vpcEndpointId); // a literal only, never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "' (endpoint " + vpcEndpointId + ")", e);
        }
    }
}
