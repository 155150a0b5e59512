package dev.privet.consumer.config;

import dev.privet.consumer.domain.AwsServices;
import dev.privet.contracts.ids.Region;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The catalog's fixed part: AWS's own services of the installation's region ({@code privet.region}). */
@ApplicationScoped
class CatalogConfig {

    @Produces
    @Singleton
    AwsServices awsServices(PrivetConfig config) {
        return new AwsServices(new Region(config.region()));
    }
}
