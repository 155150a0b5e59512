package dev.privet.gateway.query;

import dev.privet.contracts.errors.ErrorCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one Query API request, as AWS's Query protocol spells them: {@code Name=value}, lists as
 * {@code Name.1}, {@code Name.2}, filters as {@code Filter.1.Name} and {@code Filter.1.Value.1}. An action reads what
 * it knows and then calls {@link #done()}: a parameter it did not read is {@code UnknownParameter}, and a dry run
 * stops there with {@code DryRunOperation}, before anything reaches a service.
 */
public final class QueryParameters {
    /** More parameters than any supported action takes with its largest lists. */
    public static final int MAX_PARAMETERS = dev.privet.gateway.IncomingRequests.MAX_PARAMETERS;
    /** The largest list index accepted ({@code Name.1000}); AWS's own lists are far shorter. */
    static final int MAX_INDEX = 1000;
    private static final Pattern INDEX = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern FILTER = Pattern.compile("Filter\\.([^.]+)\\.(Name|Value\\.([^.]+))");

    private final Map<String, String> values;
    private final boolean dryRuns;
    private final Set<String> read = new HashSet<>();

    private QueryParameters(Map<String, String> values, boolean dryRuns) {
        this.values = values;
        this.dryRuns = dryRuns;
    }

    /**
     * The parameters decoded from a query string or form body; a name given twice is refused. {@code dryRuns}: the
     * API takes {@code DryRun} (EC2 does, Elastic Load Balancing does not).
     */
    public static QueryParameters of(Map<String, List<String>> decoded, boolean dryRuns) {
        if (decoded.size() > MAX_PARAMETERS) {
            throw QueryFault.invalidValue("A request may carry at most " + MAX_PARAMETERS + " parameters, got "
                    + decoded.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        decoded.forEach((name, given) -> {
            if (given.size() > 1) {
                throw QueryFault.invalidValue("The parameter " + Shown.of(name) + " is given " + given.size() + " times");
            }
            values.put(name, given.getFirst());
        });
        return new QueryParameters(values, dryRuns);
    }

    public Optional<String> optional(String name) {
        read.add(name);
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = optional(name).orElseThrow(() -> QueryFault.missing(name));
        if (value.isEmpty()) {
            throw QueryFault.missing(name);
        }
        return value;
    }

    /** {@code true} or {@code false}, as AWS spells them; {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        return optional(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryFault.invalidValue("Invalid value " + Shown.of(value) + " for " + name
                    + ": it must be true or false");
        }).orElse(fallback);
    }

    /** A whole number within {@code [min, max]}, or empty when absent. */
    public Optional<Integer> integer(String name, int min, int max) {
        return optional(name).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw QueryFault.invalidValue("Value " + Shown.of(value) + " for parameter " + name
                    + " is invalid: it must be a whole number from " + min + " to " + max);
        });
    }

    /** The members of the list {@code prefix.1}, {@code prefix.2}, ... in index order; empty when none is given. */
    public List<String> list(String prefix) {
        TreeMap<Integer, String> members = new TreeMap<>();
        String start = prefix + ".";
        for (var entry : values.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(start) && name.indexOf('.', start.length()) < 0) {
                members.put(index(name, name.substring(start.length())), entry.getValue());
                read.add(name);
            }
        }
        return List.copyOf(members.values());
    }

    /**
     * The indexes {@code N} of a list of structures {@code prefix.N.Field...} that the request has members of, in
     * order; the caller then reads each member's fields by name.
     */
    public SortedSet<Integer> indexes(String prefix) {
        SortedSet<Integer> indexes = new TreeSet<>();
        String start = prefix + ".";
        for (String name : values.keySet()) {
            int dot = name.indexOf('.', start.length());
            if (name.startsWith(start) && dot > 0) {
                indexes.add(index(name, name.substring(start.length(), dot)));
            }
        }
        return indexes;
    }

    /**
     * The members of a list of structures, {@code prefix.1.Field}, {@code prefix.2.Field}, ... in index order: each
     * member maps the fields it has of {@code fields} to their values. A field not in {@code fields} stays unread.
     */
    public List<Map<String, String>> members(String prefix, Set<String> fields) {
        TreeMap<Integer, Map<String, String>> members = new TreeMap<>();
        String start = prefix + ".";
        for (var entry : values.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            int dot = name.indexOf('.', start.length());
            if (dot < 0 || !fields.contains(name.substring(dot + 1))) {
                continue;
            }
            members.computeIfAbsent(index(name, name.substring(start.length(), dot)), i -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1), entry.getValue());
            read.add(name);
        }
        return List.copyOf(members.values());
    }

    /** The {@code Filter.N.Name} / {@code Filter.N.Value.M} filters, in index order; each must have a name. */
    public List<Filter> filters() {
        TreeMap<Integer, String> names = new TreeMap<>();
        Map<Integer, TreeMap<Integer, String>> filterValues = new TreeMap<>();
        for (var entry : values.entrySet()) {
            Matcher m = FILTER.matcher(entry.getKey());
            if (!m.matches()) {
                continue;
            }
            int filter = index(entry.getKey(), m.group(1));
            if (m.group(3) == null) {
                names.put(filter, entry.getValue());
            } else {
                filterValues.computeIfAbsent(filter, f -> new TreeMap<>())
                        .put(index(entry.getKey(), m.group(3)), entry.getValue());
            }
            read.add(entry.getKey());
        }
        List<Filter> filters = new ArrayList<>();
        for (var entry : filterValues.entrySet()) {
            if (!names.containsKey(entry.getKey())) {
                throw QueryFault.missing("Filter." + entry.getKey() + ".Name");
            }
        }
        names.forEach((index, name) -> filters.add(new Filter(name,
                List.copyOf(filterValues.getOrDefault(index, new TreeMap<>()).values()))));
        return filters;
    }

    /**
     * Ends the reading: refuses any parameter the action did not read, then answers a dry run. Call it once every
     * parameter is read and checked, before the first call to a service.
     */
    public void done() {
        boolean dryRun = dryRuns && bool("DryRun", false);
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw QueryFault.of(ErrorCode.UNKNOWN_PARAMETER, "The parameter " + Shown.of(name)
                        + " is not recognized");
            }
        }
        if (dryRun) {
            throw QueryFault.of(ErrorCode.DRY_RUN_OPERATION, "Request would have succeeded, but DryRun flag is set.");
        }
    }

    private static int index(String name, String index) {
        if (!INDEX.matcher(index).matches() || Integer.parseInt(index) > MAX_INDEX) {
            throw QueryFault.invalidValue("The parameter " + Shown.of(name) + " has a bad list index: indexes are "
                    + "whole numbers from 1 to " + MAX_INDEX);
        }
        return Integer.parseInt(index);
    }
}
