package dev.privet.consumer.domain;

import java.util.List;

/**
 * Who may use an endpoint: its security groups (which sources may reach its interfaces) and its policy (which
 * principals and actions may go through it). Both are recorded and shown as AWS shows them; Privet enforces neither
 * yet (its data plane is TCP, and it evaluates no IAM policies). {@code policyDocument} is null for the default
 * policy, which allows everything.
 */
public record AccessControls(List<String> securityGroupIds, String policyDocument) {
    /** AWS's default endpoint policy: full access. */
    public static final String FULL_ACCESS = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    /** An endpoint made without security groups or a policy. */
    public static final AccessControls DEFAULT = new AccessControls(List.of(), null);

    public AccessControls {
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** The policy in force: the one given, or the default. */
    public String policyInForce() {
        return policyDocument == null ? FULL_ACCESS : policyDocument;
    }

    AccessControls withSecurityGroups(List<String> groups) {
        return new AccessControls(groups, policyDocument);
    }

    AccessControls withPolicy(String document) {
        return new AccessControls(securityGroupIds, document);
    }
}
