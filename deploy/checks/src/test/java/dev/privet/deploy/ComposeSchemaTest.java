package dev.privet.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is what Compose accepts: the Compose Specification's schema (see compose-spec/README.md). */
class ComposeSchemaTest {

    @Test
    void the_compose_file_follows_the_compose_specification() {
        // Loaded by location: the schema's $id is relative, and resolves against it.
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));

        List<Error> violations = schema.validate(ComposeFile.load().json(), InputFormat.JSON);

        assertThat(violations).as("what the Compose Specification refuses in %s", ComposeFile.PATH)
                .extracting(Error::toString).isEmpty();
    }
}
