package dev.privet.runtime.tags;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.NetworkEvent.NetworkTagsChanged;
import dev.privet.contracts.events.Values.Tag;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a resource's tags, given tags, when a change, then the whole set after it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TagSetTest {
    static final TaggedResource VPC = new TaggedResource("vpc-0123456789abcdef0", "vpc", "111122223333");
    final TagSet tags = new TagSet(NetworkTagsChanged::new);

    private TagSet.Tags given(Tag... existing) {
        return tags.evolve(tags.initialState(), new NetworkTagsChanged(VPC.resourceId(), VPC.ownerId(),
                List.of(existing)), Instant.EPOCH);
    }

    private List<IntegrationEvent> add(TagSet.Tags state, Tag... added) {
        return tags.decide(new TagSet.Command.AddTags(VPC, List.of(added), "tags"), state);
    }

    private List<IntegrationEvent> remove(TagSet.Tags state, Tag... removed) {
        return tags.decide(new TagSet.Command.RemoveTags(VPC, List.of(removed), "tags"), state);
    }

    @Test
    void adding_sets_new_keys_and_replaces_the_values_of_known_ones_in_one_event_with_the_whole_set() {
        assertThat(add(given(new Tag("env", "dev")), new Tag("env", "prod"), new Tag("Name", "main")))
                .containsExactly(new NetworkTagsChanged(VPC.resourceId(), VPC.ownerId(),
                        List.of(new Tag("Name", "main"), new Tag("env", "prod"))));
    }

    @Test
    void adding_what_is_there_already_changes_nothing() {
        assertThat(add(given(new Tag("env", "dev")), new Tag("env", "dev"))).isEmpty();
    }

    @Test
    void a_missing_value_is_empty() {
        assertThat(add(given(), new Tag("flag", null))).singleElement()
                .satisfies(e -> assertThat(((NetworkTagsChanged) e).tags()).containsExactly(new Tag("flag", "")));
    }

    @Test
    void removing_with_a_value_removes_only_while_the_tag_has_it_and_without_one_whatever_it_is() {
        TagSet.Tags state = given(new Tag("env", "dev"), new Tag("team", "blue"));
        assertThat(remove(state, new Tag("env", "prod"))).isEmpty();
        assertThat(remove(state, new Tag("env", "dev"), new Tag("team", null), new Tag("absent", null)))
                .containsExactly(new NetworkTagsChanged(VPC.resourceId(), VPC.ownerId(), List.of()));
    }

    @Test
    void removing_no_tags_in_particular_removes_them_all() {
        assertThat(remove(given(new Tag("env", "dev"), new Tag("team", "blue")))).singleElement()
                .satisfies(e -> assertThat(((NetworkTagsChanged) e).tags()).isEmpty());
        assertThat(remove(given())).isEmpty();
    }

    @Test
    void keys_and_values_keep_to_aws_bounds() {
        assertRefused(() -> add(given(), new Tag("", "v")), "tags[0].key");
        assertRefused(() -> add(given(), new Tag("k".repeat(129), "v")), "tags[0].key");
        assertRefused(() -> add(given(), new Tag("AWS:cloudformation", "v")), "tags[0].key");
        assertRefused(() -> add(given(), new Tag("k", "v".repeat(257))), "tags[0].value");
        assertRefused(() -> add(given(), new Tag("k", "1"), new Tag("k", "2")), "tags[1].key");
        assertThat(add(given(), new Tag("k".repeat(128), "v".repeat(256)))).hasSize(1);
        assertRefused(() -> remove(given(), new Tag("aws:cloudformation:stack-name", null)), "tags[0].key");
    }

    @Test
    void a_resource_has_at_most_fifty_tags() {
        Tag[] fifty = IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "")).toArray(Tag[]::new);
        TagSet.Tags full = given(fifty);
        assertThat(add(full, new Tag("k3", "new value"))).hasSize(1);
        assertThatThrownBy(() -> add(full, new Tag("one-more", "")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code().wire()).isEqualTo("TagLimitExceeded"));
    }

    private static void assertRefused(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code().wire()).isEqualTo("InvalidParameterValue");
            assertThat(r.field()).isEqualTo(field);
        });
    }
}
