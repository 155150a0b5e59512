package dev.privet.gateway.query;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code Filter.N}: a name and the values that match, any of them. As in AWS, a value may use {@code *} for any
 * run of characters and {@code ?} for any one character.
 */
public record Filter(String name, List<String> values) {

    /** Whether any of {@code candidates} matches any of the filter's values. */
    public boolean matchesAny(Collection<String> candidates) {
        return values.stream().map(Filter::pattern)
                .anyMatch(p -> candidates.stream().anyMatch(c -> c != null && p.matcher(c).matches()));
    }

    private static Pattern pattern(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
    }
}
