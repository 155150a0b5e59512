package dev.privet.gateway.query;

import dev.privet.contracts.errors.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a Describe action lists and how a client narrows it: by id ({@code VpcId.N}: each must exist), by the
 * action's documented filters ({@code Filter.N}; values of one filter are alternatives, filters all apply), and in
 * pages ({@code MaxResults}, {@code NextToken}). Items are listed in id order, so a page's token is the id the next
 * page starts at, made opaque.
 *
 * @param <T> the resource listed
 */
public final class Listing<T> {
    private static final String TAG_FILTER = "tag:";
    private final Function<T, String> key;
    private final Map<String, Function<T, Collection<String>>> filters = new LinkedHashMap<>();
    private final List<IdList<T>> idLists = new ArrayList<>();
    private Function<T, Map<String, String>> tags;
    private String sizeParameter = "MaxResults";
    private String tokenParameter = "NextToken";
    private int minResults = 5;
    private int maxResults = 1000;
    private boolean paged = true;

    private Listing(Function<T, String> key) {
        this.key = key;
    }

    /** A listing of items identified by {@code key}. */
    public static <T> Listing<T> of(Function<T, String> key) {
        return new Listing<>(key);
    }

    /** The id list parameter ({@code VpcId}) and the fault for an id that does not exist. */
    public Listing<T> ids(String parameter, Function<String, QueryFault> fault) {
        return ids(parameter, key, fault);
    }

    /** Another list that names items by {@code value} ({@code Names.member} beside {@code LoadBalancerArns.member}). */
    public Listing<T> ids(String parameter, Function<T, String> value, Function<String, QueryFault> fault) {
        idLists.add(new IdList<>(parameter, value, fault));
        return this;
    }

    /** A list parameter that names items, each of which must exist. */
    private record IdList<T>(String parameter, Function<T, String> value, Function<String, QueryFault> notFound) {
    }

    public Listing<T> filter(String name, Function<T, String> value) {
        filters.put(name, item -> java.util.Collections.singletonList(value.apply(item)));
        return this;
    }

    /** A filter on a value the item has several of, such as its subnets: any one matching is a match. */
    public Listing<T> filterAny(String name, Function<T, Collection<String>> values) {
        filters.put(name, values);
        return this;
    }

    /**
     * The item's tags, by key: EC2's tag filters then apply, {@code tag:<key>} (the tag's value matches) and
     * {@code tag-key} (any of the item's keys matches).
     */
    public Listing<T> tags(Function<T, Map<String, String>> tags) {
        this.tags = tags;
        return filterAny("tag-key", item -> tags.apply(item).keySet());
    }

    /** What the filter named {@code name} matches on, or null when this action has no such filter. */
    private Function<T, Collection<String>> filter(String name) {
        Function<T, Collection<String>> filter = filters.get(name);
        if (filter == null && tags != null && name.startsWith(TAG_FILTER) && name.length() > TAG_FILTER.length()) {
            String key = name.substring(TAG_FILTER.length());
            return item -> Optional.ofNullable(tags.apply(item).get(key)).map(List::of).orElse(List.of());
        }
        return filter;
    }

    /** The bounds of {@code MaxResults} for this action (AWS: 5 to 1000 for most). */
    public Listing<T> maxResults(int min, int max) {
        this.minResults = min;
        this.maxResults = max;
        return this;
    }

    /** Pages named as Elastic Load Balancing names them: {@code PageSize} and {@code Marker}, within bounds. */
    public Listing<T> paging(String sizeParameter, String tokenParameter, int min, int max) {
        this.sizeParameter = sizeParameter;
        this.tokenParameter = tokenParameter;
        return maxResults(min, max);
    }

    /** A listing AWS answers whole, without {@code MaxResults} and {@code NextToken}. */
    public Listing<T> unpaged() {
        this.paged = false;
        return this;
    }

    /** Reads the ids, filters and page parameters from {@code params}; refuses an unknown filter. */
    public Selection read(QueryParameters params) {
        Map<IdList<T>, Set<String>> named = new LinkedHashMap<>();
        for (IdList<T> list : idLists) {
            Set<String> values = new LinkedHashSet<>(params.list(list.parameter()));
            if (!values.isEmpty()) {
                named.put(list, values);
            }
        }
        List<Filter> given = params.filters();
        for (Filter filter : given) {
            if (filter(filter.name()) == null) {
                throw QueryFault.invalidValue("The filter " + Shown.of(filter.name()) + " is invalid; this action "
                        + "filters by " + String.join(", ", filters.keySet()) + (tags == null ? "" : ", tag:<key>"));
            }
        }
        Optional<Integer> limit = paged ? params.integer(sizeParameter, minResults, maxResults) : Optional.empty();
        Optional<String> from = paged ? params.optional(tokenParameter).map(Listing::decode) : Optional.empty();
        return new Selection(named, given, limit, from);
    }

    /** What one request asked for. */
    public final class Selection {
        private final Map<IdList<T>, Set<String>> named;
        private final List<Filter> given;
        private final Optional<Integer> limit;
        private final Optional<String> from;

        private Selection(Map<IdList<T>, Set<String>> named, List<Filter> given, Optional<Integer> limit,
                          Optional<String> from) {
            this.named = named;
            this.given = given;
            this.limit = limit;
            this.from = from;
        }

        /** The values the request named in {@code parameter}; empty when none. */
        public Set<String> named(String parameter) {
            return named.entrySet().stream().filter(e -> e.getKey().parameter().equals(parameter))
                    .map(Map.Entry::getValue).findFirst().orElse(Set.of());
        }

        /** The page of {@code all} the request selects. */
        public Page<T> select(Collection<T> all) {
            List<T> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparing(key));
            named.forEach((list, values) -> {
                Set<String> present = new LinkedHashSet<>(sorted.stream().map(list.value()).toList());
                values.stream().filter(v -> !present.contains(v)).findFirst().ifPresent(v -> {
                    throw list.notFound().apply(v);
                });
                sorted.removeIf(item -> !values.contains(list.value().apply(item)));
            });
            sorted.removeIf(item -> !given.stream().allMatch(f -> f.matchesAny(filter(f.name()).apply(item))));
            from.ifPresent(start -> sorted.removeIf(item -> key.apply(item).compareTo(start) < 0));
            int size = limit.orElse(Integer.MAX_VALUE);
            if (sorted.size() <= size) {
                return new Page<>(sorted, Optional.empty());
            }
            return new Page<>(List.copyOf(sorted.subList(0, size)), Optional.of(encode(key.apply(sorted.get(size)))));
        }
    }

    /** One page of a listing and the token of the next, if there is one. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    private static String encode(String start) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(start.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueryFault.of(ErrorCode.INVALID_NEXT_TOKEN, "The token " + Shown.of(token) + " is not valid");
        }
    }
}
