package dev.privet.dns.server;

/** Where the DNS server finds a name's addresses: the A record values of a lower-case name without its final dot. */
@FunctionalInterface
public interface NameLookup {

    /** The addresses of {@code name}; empty when the name is not published. */
    java.util.List<String> addresses(String name) throws Exception;
}
