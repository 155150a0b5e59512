package dev.privet.runtime.tags;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/**
 * The tags a request names, in the shape the JSON API takes them ({@code [{"key": .., "value": ..}]}), checked as
 * the request is read: at most {@value TagSet#MAX_TAGS}, none of them null, keys and values by {@link TagSet}'s
 * rules, so bad tags are refused before anything else is looked at.
 */
public final class RequestedTags {
    private RequestedTags() {
    }

    /** The tags of {@code field}; none when the request leaves it out. */
    public static List<Tag> of(List<Tag> tags, String field) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > TagSet.MAX_TAGS) {
            throw Rejection.invalid(ErrorCode.TAG_LIMIT_EXCEEDED, field, "at most " + TagSet.MAX_TAGS
                    + " tags in one request");
        }
        TagSet.check(tags, field);
        return List.copyOf(tags);
    }
}
