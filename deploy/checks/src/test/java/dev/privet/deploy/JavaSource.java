package dev.privet.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java source without its comments, and the same text with the insides of its literals blanked ({@code masked}):
 * just enough of Java's lexical rules to find annotations, interfaces and their members. Braces, parentheses and
 * annotation names are looked for in {@code masked}, so that a "{" or an "@X(" in a string is none; what is found
 * is read from {@code text}.
 */
record JavaSource(String text, String masked) {
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)\\b[^{;]*\\{");

    static JavaSource of(String source) {
        String text = withoutComments(source);
        StringBuilder masked = new StringBuilder(text);
        for (int i = 0; i < text.length(); ) {
            int end = literalEnd(text, i);
            if (end > i) {
                for (int j = i + 1; j < end - 1; j++) {
                    masked.setCharAt(j, ' ');
                }
                i = end;
            } else {
                i++;
            }
        }
        return new JavaSource(text, masked.toString());
    }

    /** An annotation's use: the text between its parentheses, and where the annotation ends. */
    record Annotation(String arguments, int end) {
    }

    /** Every use of the annotation {@code simpleName} with arguments. */
    List<Annotation> annotations(String simpleName) {
        List<Annotation> found = new ArrayList<>();
        Matcher use = Pattern.compile("@(?:[\\w.]+\\.)?" + Pattern.quote(simpleName) + "\\s*\\(").matcher(masked);
        while (use.find()) {
            int close = closing(use.end() - 1);
            found.add(new Annotation(text.substring(use.end(), close), close + 1));
        }
        return found;
    }

    /** The body of the first interface declared at or after {@code from}, or null when none is. */
    JavaSource interfaceBodyAfter(int from) {
        Matcher header = INTERFACE.matcher(masked);
        return header.find(from) ? body(header.end() - 1) : null;
    }

    /** Every interface declared in this source, at any depth, by simple name, with its body. */
    Map<String, JavaSource> interfaces() {
        Map<String, JavaSource> interfaces = new LinkedHashMap<>();
        Matcher header = INTERFACE.matcher(masked);
        while (header.find()) {
            interfaces.putIfAbsent(header.group(1), body(header.end() - 1));
        }
        return interfaces;
    }

    /**
     * The declarations that end in ";" at the top level of this body: not those inside a nested body, and a block
     * ends the declaration before it (a method's body, a nested type). Braces in parentheses, such as an
     * annotation's array, are part of their declaration.
     */
    List<String> declarations() {
        List<String> declarations = new ArrayList<>();
        int braces = 0;
        int parentheses = 0;
        int start = 0;
        for (int i = 0; i < masked.length(); i++) {
            switch (masked.charAt(i)) {
                case '(' -> parentheses++;
                case ')' -> parentheses--;
                case '{' -> braces += parentheses == 0 ? 1 : 0;
                case '}' -> {
                    if (parentheses == 0 && --braces == 0) {
                        start = i + 1;
                    }
                }
                case ';' -> {
                    if (braces == 0) {
                        declarations.add(text.substring(start, i));
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        return declarations;
    }

    /** The text between the brace at {@code open} and the one that closes it. */
    private JavaSource body(int open) {
        int close = closing(open);
        return new JavaSource(text.substring(open + 1, close), masked.substring(open + 1, close));
    }

    /** The index of the brace or parenthesis that closes the one at {@code open}. */
    private int closing(int open) {
        char opening = masked.charAt(open);
        char closing = opening == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            if (masked.charAt(i) == opening) {
                depth++;
            } else if (masked.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced " + opening + " after "
                + text.substring(open, Math.min(text.length(), open + 80)));
    }

    /** The end of the string, text block or character literal that starts at {@code i}, or {@code i} when none does. */
    private static int literalEnd(String code, int i) {
        if (code.startsWith("\"\"\"", i)) {
            int end = code.indexOf("\"\"\"", i + 3);
            return end < 0 ? code.length() : end + 3;
        }
        char c = code.charAt(i);
        if (c != '"' && c != '\'') {
            return i;
        }
        int end = i + 1;
        while (end < code.length() && code.charAt(end) != c) {
            end += code.charAt(end) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), end + 1);
    }

    /** The code without its comments; literals are kept whole (a "//" in a URL of a default is no comment). */
    private static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            int literal = literalEnd(code, i);
            if (literal > i) {
                out.append(code, i, literal);
                i = literal;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
            } else {
                out.append(code.charAt(i++));
            }
        }
        return out.toString();
    }
}
