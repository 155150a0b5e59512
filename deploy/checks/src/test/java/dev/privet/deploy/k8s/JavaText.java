package dev.privet.deploy.k8s;

/** Just enough of Java's lexical rules to find declarations in source text: comments, literals and braces. */
final class JavaText {

    private JavaText() {
    }

    /** The source without its comments (a "//" or "/*" inside a string literal is not one). */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("//", i)) {
                i = indexOrEnd(code, "\n", i);
            } else if (code.startsWith("/*", i)) {
                i = indexOrEnd(code, "*/", i + 2) + 2;
            } else if (isQuote(code.charAt(i))) {
                int end = literalEnd(code, i);
                out.append(code, i, end);
                i = end;
            } else {
                out.append(code.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index of the brace that closes the one at {@code open} (braces in literals do not count). */
    static int closingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (isQuote(c)) {
                i = literalEnd(code, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces from index " + open);
    }

    /** The text with every block between braces, and its braces, taken out. */
    static String withoutBlocks(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '{') {
                i = closingBrace(code, i) + 1;
            } else if (isQuote(c)) {
                int end = literalEnd(code, i);
                out.append(code, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** The index just after the string or character literal that starts at {@code start}. */
    private static int literalEnd(String code, int start) {
        char quote = code.charAt(start);
        if (code.startsWith("\"\"\"", start)) {
            return code.indexOf("\"\"\"", start + 3) + 3;
        }
        int i = start + 1;
        while (code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int indexOrEnd(String code, String what, int from) {
        int at = code.indexOf(what, from);
        return at < 0 ? code.length() : at;
    }
}
