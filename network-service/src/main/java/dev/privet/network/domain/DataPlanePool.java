package dev.privet.network.domain;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The block that data plane addresses come from: every interface of an endpoint gets one, where its forwarders listen
 * (locally a loopback alias: all of 127/8 is bindable on Linux). The block's first and last addresses are never
 * given, as in any network.
 */
public record DataPlanePool(Cidr block) {

    public DataPlanePool {
        if (block.size() < 4) {
            throw new IllegalArgumentException("a data plane pool needs at least a /30, not " + block);
        }
    }

    /** The pool of a setting; fails with the setting's name when the text is not a canonical IPv4 CIDR block. */
    public static DataPlanePool parse(String text) {
        return new DataPlanePool(Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "privet.data-plane.pool must be a canonical IPv4 CIDR block such as 127.100.0.0/16, not '" + text + "'")));
    }

    /** How many addresses the pool can give. */
    public long capacity() {
        return block.size() - 2;
    }

    /**
     * A free address: the first one not {@code taken} from a random place on, so that choices made at once by
     * concurrent transactions rarely meet (the read model's unique index refuses the one that does). Empty when every
     * address is taken.
     */
    public Optional<String> pick(Predicate<String> taken, RandomGenerator random) {
        long start = random.nextLong(capacity());
        for (long i = 0; i < capacity(); i++) {
            String address = block.address(1 + (start + i) % capacity());
            if (!taken.test(address)) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }
}
