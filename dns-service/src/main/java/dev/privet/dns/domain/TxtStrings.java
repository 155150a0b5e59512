package dev.privet.dns.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TXT value as Route 53 takes it: one or more character strings, each in double quotes, separated by spaces, each
 * at most 255 characters (a DNS character string's length is one byte). Inside quotes, {@code \"} and {@code \\}
 * escape a quote and a backslash. The DNS server answers each value with its strings as one TXT record.
 */
public final class TxtStrings {
    public static final int MAX_STRING = 255;

    private TxtStrings() {
    }

    /** The strings of a value, unescaped; empty when it is not quoted strings of the rules above. */
    public static Optional<List<String>> parse(String value) {
        List<String> strings = new ArrayList<>();
        String text = value.strip();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '"') {
                return Optional.empty();
            }
            StringBuilder string = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char ch = text.charAt(i);
                if (ch == '\\') {
                    if (i + 1 == text.length()) {
                        return Optional.empty();
                    }
                    ch = text.charAt(++i);
                }
                if (ch < 0x20 || ch > 0x7e) {
                    return Optional.empty(); // printable ASCII only: what a character string carries unescaped
                }
                string.append(ch);
                i++;
            }
            if (i == text.length() || string.length() > MAX_STRING) {
                return Optional.empty();
            }
            strings.add(string.toString());
            i++;
            if (i < text.length() && text.charAt(i) != ' ') {
                return Optional.empty();
            }
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        return strings.isEmpty() ? Optional.empty() : Optional.of(strings);
    }
}
