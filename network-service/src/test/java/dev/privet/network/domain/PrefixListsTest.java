package dev.privet.network.domain;

import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrefixListsTest {
    static final Map<String, List<String>> RANGES = Map.of("s3", List.of("198.18.0.0/24"),
            "dynamodb", List.of("198.18.1.0/24", "198.18.2.0/24"));

    @Test
    void each_gateway_service_has_a_list_named_as_aws_names_it_in_name_order() {
        PrefixLists lists = new PrefixLists(new Region("us-east-1"), RANGES);

        assertThat(lists.all()).extracting(ManagedPrefixList::prefixListName)
                .containsExactly("com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3");
        assertThat(lists.ofService("com.amazonaws.us-east-1.dynamodb")).get()
                .extracting(ManagedPrefixList::cidrs).isEqualTo(List.of("198.18.1.0/24", "198.18.2.0/24"));
        assertThat(lists.ofService("com.amazonaws.us-east-1.kms")).isEmpty();
    }

    @Test
    void a_lists_id_is_derived_from_its_name_the_same_on_every_instance_and_region_its_own() {
        PrefixLists one = new PrefixLists(new Region("us-east-1"), RANGES);
        PrefixLists again = new PrefixLists(new Region("us-east-1"), Map.of("s3", List.of("10.9.0.0/16")));
        PrefixLists elsewhere = new PrefixLists(new Region("eu-west-1"), RANGES);

        String s3 = one.ofService("com.amazonaws.us-east-1.s3").orElseThrow().prefixListId();
        assertThat(IdFormat.PREFIX_LIST.matches(s3)).isTrue();
        assertThat(again.ofService("com.amazonaws.us-east-1.s3").orElseThrow().prefixListId()).isEqualTo(s3);
        assertThat(elsewhere.ofService("com.amazonaws.eu-west-1.s3").orElseThrow().prefixListId()).isNotEqualTo(s3);
        assertThat(one.withId(s3)).get().extracting(ManagedPrefixList::prefixListName)
                .isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(one.withId("pl-0123456789abcdef0")).isEmpty();
    }
}
