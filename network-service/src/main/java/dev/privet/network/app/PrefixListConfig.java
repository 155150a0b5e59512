package dev.privet.network.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * The ranges of the managed prefix lists of S3 and DynamoDB: where those services' addresses are, for the routes of
 * Gateway endpoints. Privet does not reach AWS, so the defaults are blocks of 198.18.0.0/15, which is reserved for
 * benchmarks and never collides with a real network; an operator who runs a stand-in (a local object store) names
 * its addresses here.
 */
@ConfigMapping(prefix = "privet.prefix-lists")
public interface PrefixListConfig {

    @WithDefault("198.18.0.0/24")
    List<String> s3();

    @WithDefault("198.18.1.0/24")
    List<String> dynamodb();
}
