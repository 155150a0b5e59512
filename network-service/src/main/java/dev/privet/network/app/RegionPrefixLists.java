package dev.privet.network.app;

import dev.privet.contracts.ids.Region;
import dev.privet.network.domain.PrefixLists;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/** Makes the region's {@link PrefixLists} from {@link PrefixListConfig}. */
@Dependent
class RegionPrefixLists {
    @Produces
    @Singleton
    PrefixLists prefixLists(PrefixListConfig config, PrivetConfig privet) {
        return new PrefixLists(new Region(privet.region()), Map.of("s3", config.s3(), "dynamodb", config.dynamodb()));
    }
}
