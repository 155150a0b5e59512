package dev.privet.network.domain;

import java.util.List;

/**
 * One of AWS's managed prefix lists: the address ranges of an AWS service in the region, named
 * {@code com.amazonaws.<region>.<service>}, which a Gateway endpoint's routes point at.
 */
public record ManagedPrefixList(String prefixListId, String prefixListName, List<String> cidrs) {
    public ManagedPrefixList {
        cidrs = List.copyOf(cidrs);
    }
}
