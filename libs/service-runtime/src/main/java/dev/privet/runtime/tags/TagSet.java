package dev.privet.runtime.tags;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.TagsChanged;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules of a resource's tags, as EC2 keeps them: a key of 1 to {@value #MAX_KEY_LENGTH} characters, unique on the
 * resource, not starting with {@code aws:} (AWS keeps those for itself); a value of up to {@value #MAX_VALUE_LENGTH}
 * characters, possibly empty; at most {@value #MAX_TAGS} tags on one resource. Adding a tag whose key the resource
 * has replaces its value; removing names a key, and a value when only that value is to go; removing a tag the
 * resource does not have changes nothing. Each change is one event with the whole set after it.
 */
public final class TagSet implements Decider<TagSet.Command, TagSet.Tags, IntegrationEvent> {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final String RESERVED_PREFIX = "aws:";

    /** Makes the event of the owning service's family that records a resource's tags. */
    @FunctionalInterface
    public interface Changed {
        IntegrationEvent of(String resourceId, String ownerId, List<Tag> tags);
    }

    /** The tags a resource has, by key. */
    public record Tags(SortedMap<String, String> byKey) {
        public List<Tag> list() {
            return byKey.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
        }
    }

    /** A change to the tags of {@code resource}, which the caller owns. */
    public sealed interface Command {
        TaggedResource resource();

        /** Adds {@code tags}, or replaces the values of those the resource has; {@code field} names them in errors. */
        record AddTags(TaggedResource resource, List<Tag> tags, String field) implements Command {
        }

        /**
         * Removes the tags with these keys; a tag with a value is removed only while it has that value (a
         * {@code null} value removes the key whatever its value). No tags at all removes every tag.
         */
        record RemoveTags(TaggedResource resource, List<Tag> tags, String field) implements Command {
        }
    }

    private final Changed changed;

    public TagSet(Changed changed) {
        this.changed = changed;
    }

    @Override
    public Tags initialState() {
        return new Tags(new TreeMap<>());
    }

    @Override
    public List<IntegrationEvent> decide(Command command, Tags state) {
        TreeMap<String, String> after = new TreeMap<>(state.byKey());
        switch (command) {
            case Command.AddTags add -> {
                check(add.tags(), add.field());
                add.tags().forEach(tag -> after.put(tag.key(), tag.value() == null ? "" : tag.value()));
                if (after.size() > MAX_TAGS) {
                    throw Rejection.invalid(ErrorCode.TAG_LIMIT_EXCEEDED, add.field(), "The maximum number of tags "
                            + "per resource is " + MAX_TAGS + "; " + add.resource().resourceId() + " would have "
                            + after.size());
                }
            }
            case Command.RemoveTags remove -> {
                check(remove.tags(), remove.field());
                if (remove.tags().isEmpty()) {
                    after.clear();
                }
                remove.tags().stream()
                        .filter(tag -> tag.value() == null || tag.value().equals(after.get(tag.key())))
                        .forEach(tag -> after.remove(tag.key()));
            }
        }
        if (after.equals(state.byKey())) {
            return List.of();
        }
        TaggedResource resource = command.resource();
        return List.of(changed.of(resource.resourceId(), resource.ownerId(), new Tags(after).list()));
    }

    @Override
    public Tags evolve(Tags state, IntegrationEvent event, Instant recordedAt) {
        if (!(event instanceof TagsChanged tags)) {
            throw new IllegalStateException("not an event of a tag set: " + event.eventType());
        }
        return new Tags(byKey(tags.tags()));
    }

    /**
     * Keys must be given, unique in the request, within bounds, and not AWS's own (which can be neither set nor
     * removed); so must values that are given. {@link RequestedTags} checks a request's tags with this before
     * anything else is decided; the decision checks them again, as it checks every command.
     */
    static void check(List<Tag> tags, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String at = field + "[" + i + "]";
            if (tag == null) {
                throw Rejection.missing(at);
            }
            if (tag.key() == null || tag.key().isEmpty()) {
                throw Rejection.invalidValue(at + ".key", "A tag key must be 1 to " + MAX_KEY_LENGTH
                        + " characters long");
            }
            if (tag.key().length() > MAX_KEY_LENGTH) {
                throw Rejection.invalidValue(at + ".key", "The tag key '" + tag.key().substring(0, 20)
                        + "...' is longer than " + MAX_KEY_LENGTH + " characters");
            }
            if (tag.key().regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
                throw Rejection.invalidValue(at + ".key", "Tag keys starting with 'aws:' are reserved for internal "
                        + "use: '" + tag.key() + "'");
            }
            if (tag.value() != null && tag.value().length() > MAX_VALUE_LENGTH) {
                throw Rejection.invalidValue(at + ".value", "The value of tag '" + tag.key() + "' is longer than "
                        + MAX_VALUE_LENGTH + " characters");
            }
            if (!seen.add(tag.key())) {
                throw Rejection.invalidValue(at + ".key", "The tag key '" + tag.key() + "' is given twice");
            }
        }
    }

    private static TreeMap<String, String> byKey(List<Tag> tags) {
        TreeMap<String, String> byKey = new TreeMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag.value()));
        return byKey;
    }
}
