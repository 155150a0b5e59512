package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.ids.IdFormat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What AWS allows in a security group's name, description and rules. Each refusal names the field as the client
 * sent it ({@code rules[1].fromPort}).
 */
public final class SecurityGroupRules {
    /** AWS's bound on names, descriptions and rule descriptions. */
    public static final int MAX_TEXT = 255;
    /** The name of each VPC's own group, which no other group may take. */
    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_DESCRIPTION = "default VPC security group";
    /** Where a group's egress rule lets traffic go, and a default group's too. */
    public static final String ANYWHERE = "0.0.0.0/0";
    /** The characters AWS takes in a VPC security group's name and description. */
    private static final Pattern TEXT = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*");
    /** The protocols Privet takes, by the names and numbers AWS takes them by. */
    private static final Map<String, String> PROTOCOLS = Map.of("tcp", "tcp", "6", "tcp", "udp", "udp", "17", "udp",
            "icmp", "icmp", "1", "icmp", "-1", SecurityGroupRule.ALL_PROTOCOLS);
    private static final int MAX_PORT = 65535;
    private static final int MAX_ICMP = 255;

    private SecurityGroupRules() {
    }

    /** Whether the rule lets TCP through to the port: all protocols, or TCP with the port in its range. */
    public static boolean allowsTcp(SecurityGroupRule rule, int port) {
        return rule.ipProtocol().equals(SecurityGroupRule.ALL_PROTOCOLS)
                || rule.ipProtocol().equals("tcp") && rule.fromPort() <= port && port <= rule.toPort();
    }

    /** A new group's name: AWS's characters, not {@code default} (reserved) and not {@code sg-...}. */
    public static String groupName(String name, String field) {
        text(name, field, true);
        if (name.equalsIgnoreCase(DEFAULT_NAME)) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_RESERVED, field,
                    "The security group name 'default' is reserved for each VPC's default group");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith(IdFormat.SECURITY_GROUP.prefix())) {
            throw Rejection.invalidValue(field, "A security group name cannot start with sg-");
        }
        return name;
    }

    /** A name or description: at most 255 of AWS's characters; {@code required} ones are not blank. */
    public static String text(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Rejection.missing(field);
            }
            return null;
        }
        if (value.length() > MAX_TEXT || !TEXT.matcher(value).matches()) {
            throw Rejection.invalidValue(field, field + " must be at most " + MAX_TEXT + " characters of a-z, A-Z, "
                    + "0-9, spaces and ._-:/()#,@[]+=&;{}!$*");
        }
        return value;
    }

    /**
     * A rule as a request asks for it, checked and in AWS's canonical form: the protocol by its name, no ports for
     * all protocols, one peer (a canonical IPv4 block or a well-formed group id). Its id comes later.
     */
    public static SecurityGroupRule rule(boolean egress, String protocol, Integer fromPort, Integer toPort,
                                         String cidrIpv4, String referencedGroupId, String description, String field) {
        if (protocol == null || protocol.isBlank()) {
            throw Rejection.missing(field + ".ipProtocol");
        }
        String canonical = PROTOCOLS.get(protocol.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw Rejection.invalidValue(field + ".ipProtocol", "The protocol " + shown(protocol) + " is not "
                    + "supported: it is tcp, udp, icmp or -1 (all), or their numbers 6, 17, 1");
        }
        boolean ported = !canonical.equals(SecurityGroupRule.ALL_PROTOCOLS);
        if (ported) {
            ports(canonical, fromPort, toPort, field);
        }
        if ((cidrIpv4 == null) == (referencedGroupId == null)) {
            throw cidrIpv4 == null ? Rejection.missing(field + ".cidrIpv4")
                    : Rejection.invalidValue(field, "A rule has one peer: a cidrIpv4 or a referencedGroupId, not both");
        }
        if (cidrIpv4 != null && Cidr.parse(cidrIpv4).isEmpty()) {
            throw Rejection.invalidValue(field + ".cidrIpv4", "The CIDR " + shown(cidrIpv4) + " is not a canonical "
                    + "IPv4 block such as 10.0.0.0/16 or 0.0.0.0/0");
        }
        if (referencedGroupId != null && !IdFormat.SECURITY_GROUP.matches(referencedGroupId)) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_ID_MALFORMED, field + ".referencedGroupId",
                    "Invalid security group id: " + shown(referencedGroupId));
        }
        return new SecurityGroupRule(null, egress, canonical, ported ? fromPort : null, ported ? toPort : null,
                cidrIpv4, referencedGroupId, text(description, field + ".description", false));
    }

    /** The rule with its id. */
    public static SecurityGroupRule withId(SecurityGroupRule rule, String securityGroupRuleId) {
        return new SecurityGroupRule(securityGroupRuleId, rule.egress(), rule.ipProtocol(), rule.fromPort(),
                rule.toPort(), rule.cidrIpv4(), rule.referencedGroupId(), rule.description());
    }

    /** Whether the two rules allow the same traffic, whatever their ids and descriptions: AWS's duplicate. */
    public static boolean samePermission(SecurityGroupRule a, SecurityGroupRule b) {
        return a.egress() == b.egress() && a.ipProtocol().equals(b.ipProtocol())
                && Objects.equals(a.fromPort(), b.fromPort()) && Objects.equals(a.toPort(), b.toPort())
                && Objects.equals(a.cidrIpv4(), b.cidrIpv4())
                && Objects.equals(a.referencedGroupId(), b.referencedGroupId());
    }

    /**
     * The rules a group starts with: AWS's egress to anywhere, and for a VPC's default group, ingress of everything
     * from the group itself. The ids are given, one per rule.
     */
    static List<SecurityGroupRule> initial(String groupId, boolean isDefault, String egressRuleId,
                                                     String ingressRuleId) {
        var egress = new SecurityGroupRule(egressRuleId, true, SecurityGroupRule.ALL_PROTOCOLS, null, null, ANYWHERE,
                null, null);
        return isDefault ? List.of(new SecurityGroupRule(ingressRuleId, false,
                SecurityGroupRule.ALL_PROTOCOLS, null, null, null, groupId, null), egress) : List.of(egress);
    }

    /** tcp and udp: ports 0 to 65535, from the first to the last; icmp: a type and a code, -1 for all. */
    private static void ports(String protocol, Integer fromPort, Integer toPort, String field) {
        if (fromPort == null) {
            throw Rejection.missing(field + ".fromPort");
        }
        if (toPort == null) {
            throw Rejection.missing(field + ".toPort");
        }
        boolean icmp = protocol.equals("icmp");
        int min = icmp ? -1 : 0;
        int max = icmp ? MAX_ICMP : MAX_PORT;
        String what = icmp ? "an ICMP type and code from -1 (all) to 255" : "ports from 0 to 65535";
        if (fromPort < min || fromPort > max) {
            throw Rejection.invalidValue(field + ".fromPort", field + ".fromPort must be " + what + ", got "
                    + fromPort);
        }
        if (toPort < min || toPort > max) {
            throw Rejection.invalidValue(field + ".toPort", field + ".toPort must be " + what + ", got " + toPort);
        }
        if (!icmp && fromPort > toPort) {
            throw Rejection.invalidValue(field + ".toPort", "The port range " + fromPort + "-" + toPort
                    + " ends before it starts");
        }
        if (icmp && fromPort == -1 && toPort != -1) {
            throw Rejection.invalidValue(field + ".toPort", "An ICMP rule for all types (-1) is for all codes (-1)");
        }
    }

    private static String shown(String value) {
        return "'" + (value.length() <= 64 ? value : value.substring(0, 64) + "...") + "'";
    }
}
