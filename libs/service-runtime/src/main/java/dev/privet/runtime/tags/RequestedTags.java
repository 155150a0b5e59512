package dev.privet.runtime.tags;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/**
 * The tags a request names, in the shape the JSON API takes them ({@code [{"key": .., "value": ..}]}): at most
 * {@value TagSet#MAX_TAGS}, none of them null. {@link TagSet} checks the keys and values themselves.
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
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null) {
                throw Rejection.missing(field + "[" + i + "]");
            }
        }
        return List.copyOf(tags);
    }
}
